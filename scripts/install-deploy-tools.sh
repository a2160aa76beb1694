#!/usr/bin/env bash
# Installs the tools the deployment checks (test/deploy) use, when they are missing and Go is here:
#   helm, kubeconform, actionlint   -> go install at pinned versions into $(go env GOPATH)/bin
#   ShellCheck, used by actionlint  -> apt-get, when root on Debian
#   Kubernetes JSON schemas         -> generated offline from the k8s.io/kubernetes Go module's
#                                      OpenAPI spec (and the prometheus-operator CRDs), cached
#                                      under $KUBE_SCHEMA_DIR (default ~/.cache/sales-suite/kube-schemas)
# Idempotent; safe to run on every CI run. It never fails the build: whatever it cannot install,
# it says so plainly, and the test that needs it skips that check with a visible message.
set -uo pipefail

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
HELM_K8S_MINOR="${HELM_K8S_MINOR:-37}" # helm v3.22's client-go is v0.37: default kube version 1.37
KUBECONFORM_VERSION="${KUBECONFORM_VERSION:-v0.7.0}"
ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
# Kubernetes versions the rendered chart is validated against: the oldest the chart supports
# (Chart.yaml kubeVersion) and a current one. Keep in step with test/deploy/support/tools.ts.
KUBE_SCHEMA_VERSIONS="${KUBE_SCHEMA_VERSIONS:-1.29.6 1.37.2}"
PROMETHEUS_OPERATOR_VERSION="${PROMETHEUS_OPERATOR_VERSION:-v0.85.0}"
KUBE_SCHEMA_DIR="${KUBE_SCHEMA_DIR:-${HOME}/.cache/sales-suite/kube-schemas}"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "install-deploy-tools: $*"; }

GO=""
if command -v go >/dev/null 2>&1; then GO="$(command -v go)"; elif [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go; fi
if [ -z "${GO}" ]; then
  say "Go is not installed: cannot install helm, kubeconform, actionlint or the Kubernetes schemas."
  say "The deployment tests will skip the checks that need them (and say so)."
  exit 0
fi

GOBIN_DIR="$("${GO}" env GOBIN)"
[ -n "${GOBIN_DIR}" ] || GOBIN_DIR="$("${GO}" env GOPATH)/bin"
export PATH="${GOBIN_DIR}:${PATH}"
say "tools go to ${GOBIN_DIR} (the tests also look there; add it to PATH to use them by hand)"

# have NAME VERSION-FLAG VERSION: the tool is installed and prints that version.
have() { command -v "$1" >/dev/null 2>&1 && "$1" "$2" 2>/dev/null | grep -q -- "$3"; }

go_install() { # name, module@version, extra go flags...
  local name="$1" module="$2"
  shift 2
  say "installing ${name} (${module})"
  if ! "${GO}" install -trimpath "$@" "${module}"; then
    say "could not install ${name} (${module}); the checks that need it will be skipped"
    return 1
  fi
}

if have helm version "${HELM_VERSION}"; then say "helm ${HELM_VERSION}: present"; else
  # The same -X flags as helm's own release build, so `helm version` and the default kube version match it.
  go_install helm "helm.sh/helm/v3/cmd/helm@${HELM_VERSION}" -ldflags "-s -w \
    -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION} \
    -X helm.sh/helm/v3/internal/version.gitTreeState=clean \
    -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 \
    -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=${HELM_K8S_MINOR} \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=${HELM_K8S_MINOR}"
fi

if have kubeconform -v "${KUBECONFORM_VERSION}"; then say "kubeconform ${KUBECONFORM_VERSION}: present"; else
  go_install kubeconform "github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM_VERSION}" \
    -ldflags "-s -w -X main.version=${KUBECONFORM_VERSION}"
fi

if have actionlint -version "${ACTIONLINT_VERSION}"; then say "actionlint ${ACTIONLINT_VERSION}: present"; else
  go_install actionlint "github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}" -ldflags "-s -w"
fi

# actionlint runs shellcheck on the workflows' run: scripts when it is on PATH (Debian package).
if command -v shellcheck >/dev/null 2>&1; then say "shellcheck: present"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing shellcheck (apt-get)"
  { apt-get install -y -q shellcheck || { apt-get update -q && apt-get install -y -q shellcheck; }; } >/dev/null 2>&1 \
    || say "could not install shellcheck: actionlint will lint the workflows without it"
else
  say "shellcheck missing and not installable here (needs root and apt-get): actionlint runs without it"
fi

# ---- Kubernetes JSON schemas for kubeconform, offline -------------------------------------------
# kubeconform downloads its schemas from GitHub, which CI cannot reach. The k8s.io/kubernetes Go
# module carries the API's OpenAPI spec (api/openapi-spec/swagger.json) and the prometheus-operator
# module the ServiceMonitor CRD: both come through the Go module proxy, and a small node script
# turns them into kubeconform's standalone-strict layout.
module_dir() { # module@version -> its directory in the module cache (downloads it when missing)
  "${GO}" mod download -json "$1" 2>/dev/null | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p'
}

crd_file=""
crd_dir="$(module_dir "github.com/prometheus-operator/prometheus-operator@${PROMETHEUS_OPERATOR_VERSION}")"
if [ -n "${crd_dir}" ] && [ -f "${crd_dir}/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" ]; then
  crd_file="${crd_dir}/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml"
else
  say "could not fetch the prometheus-operator ${PROMETHEUS_OPERATOR_VERSION} module: no ServiceMonitor schema"
fi

if ! command -v node >/dev/null 2>&1 || [ ! -d "${repo_root}/node_modules/yaml" ]; then
  say "node or node_modules/yaml missing (run npm ci first): Kubernetes schemas not generated"
  exit 0
fi

for kube_version in ${KUBE_SCHEMA_VERSIONS}; do
  out="${KUBE_SCHEMA_DIR}/v${kube_version}-standalone-strict"
  stamp="${out}/.complete-${PROMETHEUS_OPERATOR_VERSION}"
  if [ -f "${stamp}" ]; then say "Kubernetes ${kube_version} schemas: present in ${out}"; continue; fi
  k8s_dir="$(module_dir "k8s.io/kubernetes@v${kube_version}")"
  swagger="${k8s_dir}/api/openapi-spec/swagger.json"
  if [ -z "${k8s_dir}" ] || [ ! -f "${swagger}" ]; then
    say "could not fetch k8s.io/kubernetes@v${kube_version} from the Go module proxy: no schemas for ${kube_version}"
    continue
  fi
  rm -rf "${out}"
  crd_args=()
  [ -n "${crd_file}" ] && crd_args=(--crd "${crd_file}")
  if node "${repo_root}/test/deploy/support/k8s-json-schemas.mjs" --swagger "${swagger}" --out "${out}" "${crd_args[@]}"; then
    touch "${stamp}"
  else
    say "schema generation for Kubernetes ${kube_version} failed"
  fi
done
exit 0
