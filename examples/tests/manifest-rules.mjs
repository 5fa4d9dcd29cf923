// manifest-rules.mjs: checks of a set of Kubernetes objects, offline.
// Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
//
// Two layers:
// 1. the schema of each object's apiVersion/kind, from kubernetes-models
//    (Kubernetes 1.27 OpenAPI): types, required fields, enums;
// 2. what those schemas cannot see, and what a real API server would only
//    tell us when applying: APIs that were removed, selectors that match
//    nothing, port names that do not exist, plus this project's own policy
//    (probes, resources, non-root read-only containers, pinned images).
//
// checkSet(objects) returns a list of error strings; empty means good.

// APIs removed from Kubernetes (1.16, 1.22, 1.25, 1.26); kubernetes-models
// still ships some of them, and a 1.20 API server still accepts some.
const REMOVED_APIS = new Map([
  ['extensions/v1beta1', 'removed in 1.16/1.22'],
  ['apps/v1beta1', 'removed in 1.16'],
  ['apps/v1beta2', 'removed in 1.16'],
  ['networking.k8s.io/v1beta1', 'removed in 1.22'],
  ['policy/v1beta1', 'removed in 1.25'],
  ['batch/v1beta1', 'removed in 1.25'],
  ['autoscaling/v2beta1', 'removed in 1.25'],
  ['autoscaling/v2beta2', 'removed in 1.26'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'removed in 1.26'],
]);

// RFC 6335 service names, which Kubernetes requires for port names.
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

function id(obj) {
  return `${obj?.kind ?? '?'} ${obj?.metadata?.name ?? '?'}`;
}

async function loadModel(apiVersion, kind) {
  try {
    const mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

async function schemaErrors(obj) {
  const where = id(obj);
  if (typeof obj?.apiVersion !== 'string' || typeof obj?.kind !== 'string')
    return [`${where}: apiVersion and kind are required`];
  if (REMOVED_APIS.has(obj.apiVersion))
    return [`${where}: removed API ${obj.apiVersion} (${REMOVED_APIS.get(obj.apiVersion)})`];
  const Model = await loadModel(obj.apiVersion, obj.kind);
  if (!Model)
    return [`${where}: no schema for ${obj.apiVersion} ${obj.kind}`];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [`${where}: schema: ${e.message}`];
  }
}

function subset(sel, labels) {
  return Object.entries(sel ?? {}).every(([k, v]) => labels?.[k] === v);
}

function containersOf(workload) {
  return workload?.spec?.template?.spec?.containers ?? [];
}

function podRules(dep, hpaTargets) {
  const errs = [];
  const where = id(dep);
  const spec = dep.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const sel = spec.selector?.matchLabels;
  const labels = spec.template?.metadata?.labels ?? {};

  if (!sel || Object.keys(sel).length === 0)
    errs.push(`${where}: selector.matchLabels is empty`);
  for (const [k, v] of Object.entries(sel ?? {}))
    if (labels[k] !== v)
      errs.push(`${where}: selector.matchLabels ${k}=${v} not in the pod template labels`);
  if (!hpaTargets.has(dep.metadata?.name) && !(spec.replicas >= 2))
    errs.push(`${where}: replicas must be at least 2 (or set by an HPA)`);
  if (spec.strategy && spec.strategy.type !== 'RollingUpdate')
    errs.push(`${where}: strategy must be RollingUpdate`);

  const podSec = pod.securityContext ?? {};
  const volumes = new Set((pod.volumes ?? []).map((v) => v.name));
  for (const c of containersOf(dep)) {
    const cw = `${where} container ${c.name}`;
    const sec = c.securityContext ?? {};
    const image = String(c.image ?? '');
    const tag = image.includes('@') ? 'digest' : image.split('/').pop().split(':')[1];
    if (!tag || tag === 'latest')
      errs.push(`${cw}: image ${image} must have a fixed tag, not latest`);
    if (c.imagePullPolicy === 'Always')
      errs.push(`${cw}: imagePullPolicy Always with a fixed tag is pointless`);

    const names = new Set();
    const numbers = new Set();
    for (const p of c.ports ?? []) {
      if (!(Number.isInteger(p.containerPort) && p.containerPort >= 1 && p.containerPort <= 65535))
        errs.push(`${cw}: containerPort ${p.containerPort} out of range 1-65535`);
      if (p.name !== undefined && !PORT_NAME.test(p.name))
        errs.push(`${cw}: port name ${p.name} is not a valid service name`);
      if (p.name !== undefined && names.has(p.name))
        errs.push(`${cw}: port name ${p.name} used twice`);
      if (p.name !== undefined) names.add(p.name);
      numbers.add(p.containerPort);
    }
    for (const kind of ['readinessProbe', 'livenessProbe']) {
      const probe = c[kind];
      if (!probe) {
        errs.push(`${cw}: ${kind} is missing`);
        continue;
      }
      const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
      if (typeof port === 'string' && !names.has(port))
        errs.push(`${cw}: ${kind} port ${port} is not a named container port`);
      if (typeof port === 'number' && !numbers.has(port))
        errs.push(`${cw}: ${kind} port ${port} is not a container port`);
    }
    for (const what of ['requests', 'limits'])
      for (const res of ['cpu', 'memory'])
        if (c.resources?.[what]?.[res] === undefined)
          errs.push(`${cw}: resources.${what}.${res} is missing`);
    const nonRoot = sec.runAsNonRoot ?? podSec.runAsNonRoot;
    const user = sec.runAsUser ?? podSec.runAsUser;
    if (nonRoot !== true || user === 0)
      errs.push(`${cw}: must run as non-root (runAsNonRoot: true, runAsUser not 0)`);
    if (sec.readOnlyRootFilesystem !== true)
      errs.push(`${cw}: readOnlyRootFilesystem must be true`);
    if (sec.allowPrivilegeEscalation !== false)
      errs.push(`${cw}: allowPrivilegeEscalation must be false`);
    if (!(sec.capabilities?.drop ?? []).includes('ALL'))
      errs.push(`${cw}: capabilities must drop ALL`);
    for (const m of c.volumeMounts ?? [])
      if (!volumes.has(m.name))
        errs.push(`${cw}: volumeMount ${m.name} has no volume`);
  }
  return errs;
}

function serviceRules(svc, deployments) {
  const errs = [];
  const where = id(svc);
  const sel = svc.spec?.selector;
  if (!sel || Object.keys(sel).length === 0)
    return [`${where}: selector is empty`];
  const matched = deployments.filter((d) => subset(sel, d.spec?.template?.metadata?.labels));
  if (matched.length === 0)
    return [`${where}: selector ${JSON.stringify(sel)} selects no pods of any Deployment`];
  const containerPorts = matched.flatMap((d) => containersOf(d).flatMap((c) => c.ports ?? []));
  for (const p of svc.spec?.ports ?? []) {
    if (!(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535))
      errs.push(`${where}: port ${p.port} out of range 1-65535`);
    const target = p.targetPort ?? p.port;
    if (typeof target === 'string' && !containerPorts.some((cp) => cp.name === target))
      errs.push(`${where}: targetPort ${target} is not a container port name of the selected pods`);
    if (typeof target === 'number' && !containerPorts.some((cp) => cp.containerPort === target))
      errs.push(`${where}: targetPort ${target} is not a container port of the selected pods`);
  }
  return errs;
}

function ingressRules(ing, services) {
  const errs = [];
  const where = id(ing);
  if (!ing.spec?.ingressClassName)
    errs.push(`${where}: spec.ingressClassName is missing`);
  const backends = [ing.spec?.defaultBackend].concat(
    (ing.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend)));
  for (const b of backends.filter(Boolean)) {
    const ref = b.service;
    if (!ref) continue;
    const svc = services.find((s) => s.metadata?.name === ref.name);
    if (!svc) {
      errs.push(`${where}: backend names unknown Service ${ref.name}`);
      continue;
    }
    const ports = svc.spec?.ports ?? [];
    if (ref.port?.number !== undefined && !ports.some((p) => p.port === ref.port.number))
      errs.push(`${where}: Service ${ref.name} has no port ${ref.port.number}`);
    if (ref.port?.name !== undefined && !ports.some((p) => p.name === ref.port.name))
      errs.push(`${where}: Service ${ref.name} has no port named ${ref.port.name}`);
  }
  return errs;
}

function hpaRules(hpa, deployments) {
  const errs = [];
  const where = id(hpa);
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const target = deployments.find((d) => d.metadata?.name === ref.name);
  if (ref.kind !== 'Deployment' || !target) {
    errs.push(`${where}: scaleTargetRef ${ref.kind} ${ref.name} is not a Deployment here`);
    return errs;
  }
  if ((hpa.spec?.minReplicas ?? 1) > hpa.spec?.maxReplicas)
    errs.push(`${where}: minReplicas > maxReplicas`);
  // autoscaling/v1 scales on CPU only (80 % unless told otherwise).
  const usesCpu = hpa.apiVersion === 'autoscaling/v1' ||
    (hpa.spec?.metrics ?? []).some((m) => m.resource?.name === 'cpu');
  if (usesCpu && containersOf(target).some((c) => c.resources?.requests?.cpu === undefined))
    errs.push(`${where}: scales on CPU but ${ref.name} has no CPU requests`);
  return errs;
}

export async function checkSet(objects) {
  const errs = [];
  for (const obj of objects)
    errs.push(...await schemaErrors(obj));
  const seen = new Set();
  for (const obj of objects) {
    const key = `${obj?.kind}/${obj?.metadata?.namespace ?? ''}/${obj?.metadata?.name}`;
    if (seen.has(key)) errs.push(`${id(obj)}: defined twice`);
    seen.add(key);
  }
  const deployments = objects.filter((o) => o?.kind === 'Deployment');
  const services = objects.filter((o) => o?.kind === 'Service');
  const hpas = objects.filter((o) => o?.kind === 'HorizontalPodAutoscaler');
  const hpaTargets = new Set(hpas.map((h) => h.spec?.scaleTargetRef?.name));
  for (const d of deployments) errs.push(...podRules(d, hpaTargets));
  for (const s of services) errs.push(...serviceRules(s, deployments));
  for (const i of objects.filter((o) => o?.kind === 'Ingress')) errs.push(...ingressRules(i, services));
  for (const h of hpas) errs.push(...hpaRules(h, deployments));
  return errs;
}
