#!/usr/bin/env bash
# kube.sh BUILD_DIR: the tutorial's Kubernetes walkthrough on a real
# one-node cluster (../shared/k8s: Kubernetes 1.20, containerd): the images
# that images.sh built are imported, examples/deploy is applied as the
# README says, and then, under a bounded load on 127.0.0.1 NodePorts:
#   - the front end answers, and headless Chromium reads the result through
#     all three tiers (front end -> web app -> sa-logic by Service name);
#   - every pod runs as non-root on a read-only root file system;
#   - sa-logic scaled to 4 and back to 2: no failed request;
#   - the green release of the front end, its rollout history, and
#     `rollout undo --to-revision=1`: no failed request, the browser sees
#     the green button and then the original one;
#   - a rolling update of sa-logic and its undo: no failed request;
#   - one sa-logic pod deleted: no failed request, the count comes back.
# The front end's release runs side by side with the three sa-logic checks.
# The cluster is stopped at exit whatever happens (down.sh --purge); on a
# failure its logs, events and pod descriptions are kept in ARTIFACTS.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
#
# Skipped (exit 77) without root, without the cluster (SA_K8S, default
# ../shared/k8s beside the repository), with SA_SKIP_IMAGES=1, or when
# images.sh has not built the images.
# shellcheck source=examples/tests/lib.sh
. "$(dirname "$0")/lib.sh"
sa_begin kube "${1:-}"

K8S=${SA_K8S:-$SA_ROOT/../shared/k8s}
KC=/tmp/kc   # where up.sh keeps its state; fixed by up.sh
export KUBECONFIG=$KC/kubeconfig
CTR=(ctr --address "$KC/containerd/containerd.sock" -n k8s.io)
# The second tag of the server image, for the rolling update of sa-logic:
# a new pod template is a rollout, whatever the image holds.
IMAGE_SERVER_NEXT=${IMAGE_SERVER%:*}:next
CYAN='rgb(0, 188, 212)'
GREEN_RGB='rgb(76, 175, 80)'

kc() { timeout 60 kubectl "$@"; }

# nodeport SERVICE: its NodePort, which kube-proxy serves on 127.0.0.1.
nodeport() { kc get svc "$1" -o jsonpath='{.spec.ports[0].nodePort}'; }

# wait_pods APP N: exactly N pods of APP (terminating ones included), all
# ready, and the Deployment's N available, within 120 s.
wait_pods() {
    local ready
    for _ in $(seq 240); do
        ready=$(kc get pods -l "app=$1" -o jsonpath='{range .items[*]}{.status.containerStatuses[0].ready}{"\n"}{end}')
        if [ "$(grep -c . <<<"$ready")" -eq "$2" ] && ! grep -q false <<<"$ready" &&
            [ "$(kc get deployment "$1" -o jsonpath='{.status.availableReplicas}')" = "$2" ]; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

# rollout APP: the rollout finished and the old pods are gone.
rollout() {
    timeout 150 kubectl rollout status "deployment/$1" --timeout=140s >>"$WORK/rollout.log" 2>&1 &&
        wait_pods "$1" "$(kc get deployment "$1" -o jsonpath='{.spec.replicas}')"
}

# load_start NAME URL: a bounded load in the background (load.mjs: two
# loops, each pausing 5 ms after an answer, at most 150 s and 100,000
# requests), which leaves the machine's CPUs to the cluster.
load_start() {
    rm -f "$WORK/$1.stop"
    timeout 200 node "$TESTS/load.mjs" "$2" "$WORK/$1.stop" 150 2 100000 5 >"$WORK/$1.load" 2>&1 &
    LOAD_PID=$!
    PIDS+=("$LOAD_PID")
    sleep 1
}

# load_stop NAME WHAT: stop the load; PASS if no request failed.
load_stop() {
    local r
    touch "$WORK/$1.stop"
    wait "$LOAD_PID"
    forget_pid "$LOAD_PID"
    LOAD_PID=
    r=$(load_result "$WORK/$1.load")
    if [ -n "$r" ] && [ "${r#* }" = 0 ] && [ "${r% *}" -ge 100 ]; then
        pass "kube: $2: 0 failed of ${r% *} requests"
    else
        fail "kube: $2: $(cat "$WORK/$1.load")"
    fi
}

# pod_logs APP: the logs of APP's pods, read from the node's files
# (kubectl logs would need the API server to resolve the node's name,
# which this cluster's DNS does not answer).
pod_logs() {
    local pod
    for pod in $(kc get pods -l "app=$1" \
        -o jsonpath='{range .items[*]}{.metadata.namespace}_{.metadata.name}_{.metadata.uid}{"\n"}{end}'); do
        cat "/var/log/pods/$pod"/*/*.log
    done
}

# Kept on failure: what the cluster said, for the post-mortem.
# shellcheck disable=SC2317 # called by stop_cluster
keep_cluster_logs() {
    local d=$ARTIFACTS/logs/kube/cluster
    mkdir -p "$d"
    cp "$KC"/logs/*.log "$d/" 2>/dev/null
    kc get all,endpoints,hpa -o wide >"$d/objects.txt" 2>&1
    kc get events --sort-by=.lastTimestamp >"$d/events.txt" 2>&1
    kc describe pods >"$d/pods.txt" 2>&1
    cp -r /var/log/pods "$d/pods" 2>/dev/null
}

# shellcheck disable=SC2317 # called by at_exit
stop_cluster() {
    local dir
    [ "$FAILED" -eq 0 ] || keep_cluster_logs
    timeout 120 bash "$K8S/down.sh" --purge >>"$WORK/down.log" 2>&1
    # down.sh stops containerd before it has reaped its shims: stop the
    # ones of this cluster's containerd, by PID.
    for dir in /proc/[0-9]*; do
        [ "$(cat "$dir/comm" 2>/dev/null)" = containerd-shim ] || continue
        tr '\0' ' ' <"$dir/cmdline" 2>/dev/null |
            grep -qF -- "-address $KC/containerd/containerd.sock " && kill "${dir#/proc/}" 2>/dev/null
    done
    # The kubelet had no time to remove the logs of the pods it ran.
    rm -rf /var/log/pods/default_sa-*
}

start() {
    local t0=$SECONDS tar=$WORK/images.tar image app
    # A run killed before its trap may have left a cluster behind.
    timeout 120 bash "$K8S/down.sh" --purge >"$WORK/down.log" 2>&1
    at_exit stop_cluster
    if ! timeout 300 bash "$K8S/up.sh" >"$WORK/up.log" 2>&1 || ! kc get nodes 2>/dev/null | grep -q ' Ready'; then
        fail "kube: the cluster starts (../shared/k8s/up.sh)"
        tail -n 20 "$WORK/up.log"
        return 1
    fi
    pass "kube: the one-node cluster is up ($(kc version -o json 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["serverVersion"]["gitVersion"])'), $((SECONDS - t0)) s)"

    # containerd cannot pull: the images go in as an archive.
    if timeout 120 "${PODMAN[@]}" save --format docker-archive -m -o "$tar" \
        "$IMAGE_SERVER" "$IMAGE_FRONTEND" "$IMAGE_FRONTEND_GREEN" >"$WORK/import.log" 2>&1 &&
        timeout 120 "${CTR[@]}" images import "$tar" >>"$WORK/import.log" 2>&1 &&
        "${CTR[@]}" images tag --force "$IMAGE_SERVER" "$IMAGE_SERVER_NEXT" >>"$WORK/import.log" 2>&1; then
        pass "kube: the images are imported into containerd"
    else
        fail "kube: image import"
        tail -n 5 "$WORK/import.log"
        return 1
    fi
    rm -f "$tar"
    # Every image the manifests name is there (a short name is docker.io's).
    for image in $(kubectl kustomize "$SA_ROOT/examples/deploy" | sed -n 's/^ *image: //p' | sort -u); do
        [[ $image == */*/* ]] || image=docker.io/$image
        "${CTR[@]}" images ls -q | grep -qxF "$image" || { fail "kube: $image is not imported"; return 1; }
    done

    # The Services first, as the tutorial does, so that their names resolve
    # before the pods that use them start (the cluster's DNS is a hosts
    # file that dns.sh refreshes).
    t0=$SECONDS
    if kc apply -f "$SA_ROOT/examples/deploy/k8s/service-sa-logic.yaml" \
        -f "$SA_ROOT/examples/deploy/k8s/service-sa-web-app-lb.yaml" \
        -f "$SA_ROOT/examples/deploy/k8s/service-sa-frontend-lb.yaml" >"$WORK/apply.log" 2>&1 &&
        timeout 30 bash "$K8S/dns.sh" >>"$WORK/apply.log" 2>&1 &&
        kc apply -k "$SA_ROOT/examples/deploy" >>"$WORK/apply.log" 2>&1; then
        pass "kube: kubectl apply -k examples/deploy"
    else
        fail "kube: kubectl apply -k examples/deploy"
        cat "$WORK/apply.log"
        return 1
    fi
    for app in sa-logic sa-web-app sa-frontend; do
        rollout "$app" || { fail "kube: $app rolls out"; return 1; }
    done
    pass "kube: the three Deployments rolled out, 2 pods each ($((SECONDS - t0)) s)"
    FRONT=http://127.0.0.1:$(nodeport sa-frontend-lb)
    WEB=http://127.0.0.1:$(nodeport sa-web-app-lb)
}

three_tiers() {
    local out
    if wait_http "$FRONT/" && out=$(post "$FRONT/sentiment" '{"sentence":"I love yogobella!"}') &&
        [[ "$out" == 200\ *'"polarity":0.625,'* ]]; then
        pass "kube: the front end answers on its NodePort ($FRONT), POST /sentiment -> 0.625"
    else
        fail "kube: the front end on its NodePort $FRONT: ${out:-no answer}"
    fi
    run_counted e2e-kube 90 node "$TESTS/e2e.mjs" "$FRONT/" "$ARTIFACTS/e2e-kube.png" kube "$CYAN"
    # The browser's requests went through every tier.
    check "kube: sa-frontend's nginx passed POST /sentiment on" \
        grep -q '"POST /sentiment HTTP/1.1" 200' <(pod_logs sa-frontend)
    check "kube: sa-web-app forwarded it" grep -q '"POST /sentiment" 200' <(pod_logs sa-web-app)
    check "kube: sa-logic, reached by its Service name, scored it" \
        grep -q '"POST /analyse/sentiment" 200' <(pod_logs sa-logic)
}

# Every pod as the API server has it, and every container as it runs.
security() {
    local out
    if out=$(kc get pod -o json | python3 -c '
import json, sys
bad, n = [], 0
for p in json.load(sys.stdin)["items"]:
    pod = p["spec"].get("securityContext", {})
    for c in p["spec"]["containers"]:
        n += 1
        s = c.get("securityContext", {})
        user = s.get("runAsUser", pod.get("runAsUser"))
        if s.get("runAsNonRoot", pod.get("runAsNonRoot")) is not True or user in (None, 0):
            bad.append(p["metadata"]["name"] + ": may run as root")
        if s.get("readOnlyRootFilesystem") is not True:
            bad.append(p["metadata"]["name"] + ": writable root file system")
print("\n".join(bad) if bad else n)
sys.exit(1 if bad or n == 0 else 0)'); then
        pass "kube: all $out containers are non-root with a read-only root (kubectl get pod -o json)"
    else
        fail "kube: securityContext: $out"
    fi
    # containerd's view: the user each process runs as, and the OCI spec.
    if out=$("${CTR[@]}" tasks ls 2>/dev/null | awk 'NR > 1 { print $1, $2 }' | python3 -c '
import json, subprocess, sys
ctr, bad, n = sys.argv[1:], [], 0
for line in sys.stdin:
    cid, pid = line.split()
    info = json.loads(subprocess.run(ctr + ["containers", "info", cid], capture_output=True).stdout)
    name = info["Labels"].get("io.kubernetes.container.name")
    if name is None:
        continue  # a pod sandbox (pause)
    n += 1
    with open("/proc/%s/status" % pid) as f:
        uid = next(l.split()[1] for l in f if l.startswith("Uid:"))
    if uid == "0" or not info["Spec"]["root"].get("readonly"):
        bad.append("%s: uid %s, readonly %s" % (name, uid, info["Spec"]["root"].get("readonly")))
print("\n".join(bad) if bad else n)
sys.exit(1 if bad or n == 0 else 0)' "${CTR[@]}"); then
        pass "kube: all $out running containers run as uid 65534 on a read-only root (containerd)"
    else
        fail "kube: running containers: $out"
    fi
}

scale() {
    local ips n
    load_start scale "$WEB/sentiment"
    for n in 4 2; do
        if kc scale deployment sa-logic --replicas="$n" >/dev/null && wait_pods sa-logic "$n" &&
            ips=$(kc get endpoints sa-logic -o jsonpath='{.subsets[*].addresses[*].ip}') &&
            [ "$(wc -w <<<"$ips")" -eq "$n" ]; then
            pass "kube: kubectl scale sa-logic --replicas=$n: $n pods behind the Service"
        else
            fail "kube: kubectl scale sa-logic --replicas=$n: endpoints ${ips:-?}"
        fi
    done
    load_stop scale "scale sa-logic 2 -> 4 -> 2 under load through the web app"
}

# The tutorial's release: apply the green Deployment, watch it roll out,
# look at the history, undo to revision 1.
green() {
    local history image line
    load_start green "$FRONT/sentiment"
    if kc apply -f "$SA_ROOT/examples/deploy/sa-frontend-deployment-green.yaml" >/dev/null &&
        rollout sa-frontend; then
        pass "kube: kubectl apply -f sa-frontend-deployment-green.yaml rolls out"
    else
        fail "kube: the green release rolls out"
    fi
    load_stop green "the green release under load on the front end's NodePort"
    run_counted e2e-kube-green 90 node "$TESTS/e2e.mjs" "$FRONT/" "$ARTIFACTS/e2e-kube-green.png" \
        kube-green "$GREEN_RGB"
    history=$(kc rollout history deployment/sa-frontend)
    while IFS= read -r line; do echo "    $line"; done <<<"$history"
    if [ "$(grep -cE '^[0-9]+ ' <<<"$history")" -eq 2 ] && grep -qE '^2 .*green' <<<"$history"; then
        pass "kube: kubectl rollout history shows two revisions, the second green"
    else
        fail "kube: rollout history"
    fi

    load_start undo "$FRONT/sentiment"
    if kc rollout undo deployment/sa-frontend --to-revision=1 >/dev/null && rollout sa-frontend &&
        image=$(kc get deployment sa-frontend -o jsonpath='{.spec.template.spec.containers[0].image}') &&
        [ "$image" = "${IMAGE_FRONTEND#docker.io/}" ]; then
        pass "kube: kubectl rollout undo --to-revision=1 brings back $image"
    else
        fail "kube: rollout undo --to-revision=1: image ${image:-?}"
    fi
    load_stop undo "the undo under load on the front end's NodePort"
    run_counted e2e-kube-undo 90 node "$TESTS/e2e.mjs" "$FRONT/" "$ARTIFACTS/e2e-kube-undo.png" \
        kube-undo "$CYAN"
}

logic_update() {
    local image
    load_start update "$WEB/sentiment"
    if kc set image deployment/sa-logic "sa-logic=$IMAGE_SERVER_NEXT" >/dev/null &&
        kc annotate deployment/sa-logic --overwrite \
            kubernetes.io/change-cause="sentiment-server next" >/dev/null &&
        rollout sa-logic; then
        pass "kube: kubectl set image sa-logic rolls out"
    else
        fail "kube: the rolling update of sa-logic"
    fi
    if kc rollout undo deployment/sa-logic >/dev/null && rollout sa-logic &&
        image=$(kc get deployment sa-logic -o jsonpath='{.spec.template.spec.containers[0].image}') &&
        [ "$image" = "${IMAGE_SERVER#docker.io/}" ]; then
        pass "kube: kubectl rollout undo sa-logic brings back $image"
    else
        fail "kube: rollout undo sa-logic: image ${image:-?}"
    fi
    load_stop update "rolling update and undo of sa-logic under load through the web app"
}

delete_pod() {
    local victim
    victim=$(kc get pods -l app=sa-logic -o jsonpath='{.items[0].metadata.name}')
    load_start delete "$WEB/sentiment"
    if [ -n "$victim" ] && kc delete pod "$victim" --wait=false >/dev/null && wait_pods sa-logic 2 &&
        ! kc get pods -l app=sa-logic -o name | grep -qx "pod/$victim"; then
        pass "kube: kubectl delete pod $victim: the Deployment brings sa-logic back to 2"
    else
        fail "kube: delete pod ${victim:-?}: sa-logic did not come back to 2"
    fi
    load_stop delete "one sa-logic pod deleted under load through the web app"
}

# part_traps: a subshell running a part stops its load when it ends.
part_traps() {
    trap '[ -z "${LOAD_PID:-}" ] || kill "$LOAD_PID" 2>/dev/null' EXIT
    trap 'exit 130' INT TERM
}

kube() {
    local t0=$SECONDS t1 front logic
    if [ "$(id -u)" -ne 0 ]; then
        skip "kube: the one-node cluster needs root"
        return
    fi
    if [ ! -x "$K8S/up.sh" ] && [ ! -f "$K8S/up.sh" ]; then
        skip "kube: no one-node cluster at $K8S (../shared/k8s beside the repository)"
        return
    fi
    if [ "${SA_SKIP_IMAGES:-0}" = 1 ]; then
        skip "kube: SA_SKIP_IMAGES=1 (it runs the images)"
        return
    fi
    { need kube images && need_node; } || { fail "kube: .ci/deps.sh kube images, npm ci"; return; }
    podman_store
    local image
    for image in "$IMAGE_SERVER" "$IMAGE_FRONTEND" "$IMAGE_FRONTEND_GREEN"; do
        if ! timeout 20 "${PODMAN[@]}" image exists "$image"; then
            skip "kube: no image $image (examples/tests/images.sh builds it)"
            return
        fi
    done
    start || return
    three_tiers
    security
    # The front end's release and sa-logic's changes touch different
    # Deployments: they run side by side (so the front end's load also
    # goes through sa-logic while it changes), each in a subshell whose
    # lines are counted here.
    t1=$SECONDS
    (
        part_traps
        green
        echo "   the front end's part took $((SECONDS - t1)) s"
    ) >"$WORK/part-front.out" 2>&1 &
    front=$!
    (
        part_traps
        scale
        logic_update
        delete_pod
        echo "   sa-logic's part took $((SECONDS - t1)) s"
    ) >"$WORK/part-logic.out" 2>&1 &
    logic=$!
    PIDS+=("$front" "$logic")
    wait "$front"
    wait "$logic"
    forget_pid "$front"
    forget_pid "$logic"
    echo "-- the front end's release and undo"
    count_lines "$WORK/part-front.out"
    echo "-- meanwhile, sa-logic: scale, rolling update and undo, a deleted pod"
    count_lines "$WORK/part-logic.out"
    echo "   the walkthrough took $((SECONDS - t0)) s"
}

kube
sa_end
