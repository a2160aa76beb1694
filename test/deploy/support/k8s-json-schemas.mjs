// Turns the Kubernetes OpenAPI v2 spec (api/openapi-spec/swagger.json of the k8s.io/kubernetes Go
// module) and CustomResourceDefinition YAML files into the "standalone-strict" JSON schemas that
// kubeconform reads, one file per kind: <kind>-<group>-<version>.json (kubeconform's
// {{ .ResourceKind }}{{ .KindSuffix }}), the way kubeconform's own openapi2jsonschema does it:
// $refs inlined, additionalProperties: false on every object with properties, optional fields nullable.
//
//   node test/deploy/support/k8s-json-schemas.mjs --swagger swagger.json --out DIR [--crd crd.yaml]...
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const SPECIAL = {
  // The API server takes both `cpu: 1` and `cpu: "500m"`; the spec only says string.
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    oneOf: [{ type: 'string' }, { type: 'number' }],
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    oneOf: [{ type: 'string' }, { type: 'integer' }],
  },
};

function parseArgs(argv) {
  const args = { crd: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'crd') args.crd.push(argv[i + 1]);
    else args[key] = argv[i + 1];
  }
  if (!args.out || (!args.swagger && args.crd.length === 0)) {
    console.error(
      'usage: k8s-json-schemas.mjs --out DIR [--swagger swagger.json] [--crd crd.yaml]...',
    );
    process.exit(2);
  }
  return args;
}

function nullable(schema) {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.oneOf)) return { ...schema, oneOf: [...schema.oneOf, { type: 'null' }] };
  return schema;
}

/** Inlines $refs, marks objects strict and optional properties nullable. */
function convert(node, defs, stack) {
  if (Array.isArray(node)) return node.map((item) => convert(item, defs, stack));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/definitions/', '');
    if (SPECIAL[name]) return SPECIAL[name];
    // A recursive type (JSONSchemaProps) is cut at its second occurrence: anything goes below.
    if (stack.includes(name)) return {};
    return convert(defs[name], defs, [...stack, name]);
  }
  if (node.format === 'int-or-string')
    return SPECIAL['io.k8s.apimachinery.pkg.util.intstr.IntOrString'];
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'description') continue;
    if (key === 'properties') {
      const required = new Set(node.required ?? []);
      out.properties = {};
      for (const [prop, sub] of Object.entries(value)) {
        const converted = convert(sub, defs, stack);
        out.properties[prop] = required.has(prop) ? converted : nullable(converted);
      }
    } else {
      out[key] = convert(value, defs, stack);
    }
  }
  const open =
    'additionalProperties' in node || node['x-kubernetes-preserve-unknown-fields'] === true;
  if (out.properties && !open) out.additionalProperties = false;
  return out;
}

function fileName(group, version, kind) {
  const groupPart = group ? `-${group.split('.')[0].toLowerCase()}` : '';
  return `${kind.toLowerCase()}${groupPart}-${version.toLowerCase()}.json`;
}

function write(out, group, version, kind, schema) {
  const file = join(out, fileName(group, version, kind));
  writeFileSync(file, JSON.stringify(schema));
  return file;
}

const args = parseArgs(process.argv.slice(2));
mkdirSync(args.out, { recursive: true });
let count = 0;

if (args.swagger) {
  const defs = JSON.parse(readFileSync(args.swagger, 'utf8')).definitions;
  for (const [name, def] of Object.entries(defs)) {
    const gvks = def['x-kubernetes-group-version-kind'] ?? [];
    // Kinds shared by every group (DeleteOptions, WatchEvent) are not resources anyone applies.
    if (gvks.length !== 1) continue;
    const { group, version, kind } = gvks[0];
    write(args.out, group, version, kind, convert(def, defs, [name]));
    count += 1;
  }
}

for (const crdFile of args.crd) {
  for (const doc of parseAllDocuments(readFileSync(crdFile, 'utf8'))) {
    const crd = doc.toJS();
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      write(args.out, crd.spec.group, version.name, crd.spec.names.kind, convert(schema, {}, []));
      count += 1;
    }
  }
}

console.log(`wrote ${count} schemas to ${args.out}`);
