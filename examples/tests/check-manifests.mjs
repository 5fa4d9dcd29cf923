// check-manifests.mjs: the Kubernetes manifests pass, and broken copies of
// them fail. Copyright (c) 2026 The libsentiment developers. MIT licence.
//
// Usage: node check-manifests.mjs DIR
//
// Checks the objects of DIR/*.yaml as one set (manifest-rules.mjs), checks
// that DIR/../kustomization.yaml lists exactly those files, then applies each
// mutation below to a copy of the set: every one must be caught, with the
// expected message. A check that never fails proves nothing, hence the
// second half. Prints PASS/FAIL lines and "N passed, M failed".

import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkSet } from './manifest-rules.mjs';

const dir = process.argv[2] && resolve(process.argv[2]);
if (!dir) {
  console.error('usage: node check-manifests.mjs DIR');
  process.exit(2);
}

let passed = 0;
let failed = 0;
function report(ok, name, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} manifests: ${name}${!ok && detail ? `\n    ${detail}` : ''}`);
}

function load(file) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const objs = [];
  for (const d of docs) {
    if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
    const o = d.toJS();
    if (o !== null && o !== undefined) objs.push(o);
  }
  return objs;
}

const resources = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const objects = [];
for (const f of resources) {
  try {
    objects.push(...load(join(dir, f)));
  } catch (e) {
    report(false, `${f} parses`, e.message);
  }
}

// The set as shipped.
const errs = await checkSet(objects);
report(errs.length === 0, `${objects.length} objects in ${resources.length} files pass schema and cross-checks`,
  errs.join('\n    '));
const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort().join(' ');
report(['Deployment/sa-frontend', 'Deployment/sa-logic', 'Deployment/sa-web-app',
  'HorizontalPodAutoscaler/sa-logic', 'Ingress/sentiment-analysis', 'Service/sa-frontend-lb',
  'Service/sa-logic', 'Service/sa-web-app-lb'].join(' ') === kinds,
'the tutorial\'s objects are all there', kinds);
const webApp = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'sa-web-app');
const env = webApp?.spec.template.spec.containers[0].env ?? [];
report(env.some((e) => e.name === 'SA_LOGIC_API_URL' && e.value === 'http://sa-logic'),
  'sa-web-app points SA_LOGIC_API_URL at http://sa-logic');
const svc = objects.find((o) => o.kind === 'Service' && o.metadata.name === 'sa-logic');
report(svc?.spec.type === 'ClusterIP' && svc.spec.ports[0].port === 80,
  'sa-logic Service is ClusterIP on port 80');

try {
  const k = load(join(dir, '..', 'kustomization.yaml'))[0];
  const listed = [...(k.resources ?? [])].sort();
  const expected = resources.map((f) => `${basename(dir)}/${f}`);
  report(JSON.stringify(listed) === JSON.stringify(expected),
    'kustomization.yaml lists every manifest', `${listed} vs ${expected}`);
} catch (e) {
  report(false, 'kustomization.yaml parses', e.message);
}

// Broken copies: [what, mutation of the set, expected message].
const find = (set, kind, name) => set.find((o) => o.kind === kind && o.metadata.name === name);
const logicPod = (set) => find(set, 'Deployment', 'sa-logic').spec.template.spec;
const logicBox = (set) => logicPod(set).containers[0];
// The tutorial's green release: the same Deployment but for the image and
// what `rollout history` says, and the set with it still passes.
try {
  const file = join(dir, '..', 'sa-frontend-deployment-green.yaml');
  const [green] = load(file);
  const base = find(objects, 'Deployment', 'sa-frontend');
  const image = green?.spec?.template?.spec?.containers?.[0]?.image;
  const strip = (d) => {
    const c = structuredClone(d);
    c.spec.template.spec.containers[0].image = '';
    delete c.metadata.annotations?.['kubernetes.io/change-cause'];
    return JSON.stringify(c);
  };
  report(image === 'libsentiment/sa-frontend:green' && strip(green) === strip(base),
    `${basename(file)} is sa-frontend with the :green image, nothing else`, image);
  const errs = await checkSet(objects.map((o) => (o === base ? green : o)));
  report(errs.length === 0, 'the set with the green release passes too', errs.join('\n    '));
} catch (e) {
  report(false, 'sa-frontend-deployment-green.yaml loads', e.message);
}

const mutations = [
  ['replicas as a string', (s) => { find(s, 'Deployment', 'sa-web-app').spec.replicas = 'two'; }, 'must be integer'],
  ['Deployment without selector', (s) => { delete find(s, 'Deployment', 'sa-frontend').spec.selector; }, 'required property selector'],
  ['Service type misspelt', (s) => { find(s, 'Service', 'sa-frontend-lb').spec.type = 'LoadBalancr'; }, 'allowed values'],
  ['extensions/v1beta1 Deployment', (s) => { find(s, 'Deployment', 'sa-logic').apiVersion = 'extensions/v1beta1'; }, 'removed API extensions/v1beta1'],
  ['networking.k8s.io/v1beta1 Ingress', (s) => { find(s, 'Ingress', 'sentiment-analysis').apiVersion = 'networking.k8s.io/v1beta1'; }, 'removed API networking.k8s.io/v1beta1'],
  ['autoscaling/v2beta2 HPA', (s) => { find(s, 'HorizontalPodAutoscaler', 'sa-logic').apiVersion = 'autoscaling/v2beta2'; }, 'removed API autoscaling/v2beta2'],
  ['unknown kind', (s) => { s.push({ apiVersion: 'v1', kind: 'Servce', metadata: { name: 'x' } }); }, 'no schema'],
  ['selector not matching the template labels', (s) => { find(s, 'Deployment', 'sa-web-app').spec.selector.matchLabels.app = 'sa-webapp'; }, 'not in the pod template labels'],
  ['Service selecting no pods', (s) => { find(s, 'Service', 'sa-logic').spec.selector = { app: 'sa-logik' }; }, 'selects no pods'],
  ['Service targetPort name unknown', (s) => { find(s, 'Service', 'sa-logic').spec.ports[0].targetPort = 'web'; }, 'targetPort web'],
  ['Service targetPort number unknown', (s) => { find(s, 'Service', 'sa-web-app-lb').spec.ports[0].targetPort = 5000; }, 'targetPort 5000'],
  ['containerPort 70000', (s) => { logicBox(s).ports[0].containerPort = 70000; }, 'out of range'],
  ['port name too long', (s) => { logicBox(s).ports[0].name = 'sentiment-http-port'; }, 'not a valid service name'],
  ['image :latest', (s) => { logicBox(s).image = 'libsentiment/sentiment-server:latest'; }, 'not latest'],
  ['image without tag', (s) => { logicBox(s).image = 'libsentiment/sentiment-server'; }, 'not latest'],
  ['probe on an unknown port name', (s) => { logicBox(s).readinessProbe.httpGet.port = 'web'; }, 'readinessProbe port web'],
  ['no liveness probe', (s) => { delete logicBox(s).livenessProbe; }, 'livenessProbe is missing'],
  ['no memory limit', (s) => { delete logicBox(s).resources.limits.memory; }, 'resources.limits.memory'],
  ['running as root', (s) => { logicPod(s).securityContext.runAsUser = 0; }, 'non-root'],
  ['writable root filesystem', (s) => { logicBox(s).securityContext.readOnlyRootFilesystem = false; }, 'readOnlyRootFilesystem'],
  ['volumeMount without volume', (s) => { delete find(s, 'Deployment', 'sa-frontend').spec.template.spec.volumes; }, 'has no volume'],
  ['Ingress to an unknown Service', (s) => { find(s, 'Ingress', 'sentiment-analysis').spec.rules[0].http.paths[0].backend.service.name = 'sa-webapp'; }, 'unknown Service sa-webapp'],
  ['Ingress to an unknown port name', (s) => { find(s, 'Ingress', 'sentiment-analysis').spec.rules[0].http.paths[1].backend.service.port.name = 'web'; }, 'no port named web'],
  ['HPA on CPU without CPU requests', (s) => { delete logicBox(s).resources.requests.cpu; }, 'no CPU requests'],
  ['HPA on a missing Deployment', (s) => { find(s, 'HorizontalPodAutoscaler', 'sa-logic').spec.scaleTargetRef.name = 'sa-logik'; }, 'scaleTargetRef'],
  ['a single replica without HPA', (s) => { find(s, 'Deployment', 'sa-web-app').spec.replicas = 1; }, 'at least 2'],
];

for (const [what, mutate, expect] of mutations) {
  const copy = structuredClone(objects);
  mutate(copy);
  const got = await checkSet(copy);
  const caught = got.some((e) => e.includes(expect));
  report(caught, `broken: ${what} is caught`, caught ? '' : `expected "${expect}", got: ${got.join(' | ') || 'no error'}`);
}

console.log(`manifests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
