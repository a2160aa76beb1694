{{/*
Names, labels and the per-app pieces shared by every template. Templates loop over
.Values.services; nothing is written once per service.
*/}}

{{/*
Fills each entry of .Values.services with what it does not set of .Values.serviceDefaults: maps
key by key (a key the service sets, even to false, 0 or "", wins), anything else whole. Every
template that reads .Values.services includes this first; filling twice changes nothing.
*/}}
{{- define "sales-suite.applyServiceDefaults" -}}
{{- range $app, $svc := .Values.services -}}
{{- include "sales-suite.fillDefaults" (dict "values" $svc "defaults" $.Values.serviceDefaults) -}}
{{- end -}}
{{- end -}}

{{- define "sales-suite.fillDefaults" -}}
{{- $values := .values -}}
{{- range $key, $default := .defaults -}}
{{- if and (not (hasKey $values $key)) (kindIs "map" $default) -}}
{{- $_ := set $values $key (deepCopy $default) -}}
{{- else if not (hasKey $values $key) -}}
{{- $_ := set $values $key $default -}}
{{- else if and (kindIs "map" $default) (kindIs "map" (index $values $key)) -}}
{{- include "sales-suite.fillDefaults" (dict "values" (index $values $key) "defaults" $default) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "sales-suite.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sales-suite.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "sales-suite.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of one app's resources. Call with (dict "root" $ "app" "gateway"). */}}
{{- define "sales-suite.appFullname" -}}
{{- printf "%s-%s" (include "sales-suite.fullname" .root | trunc (int (sub 62 (len .app)))) .app | trimSuffix "-" -}}
{{- end -}}

{{/* The recommended app.kubernetes.io labels. */}}
{{- define "sales-suite.labels" -}}
helm.sh/chart: {{ include "sales-suite.chart" . }}
{{ include "sales-suite.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: sales-suite
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "sales-suite.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sales-suite.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one component (an app, "migration" or "test"). Call with (dict "root" $ "component" "gateway"). */}}
{{- define "sales-suite.componentLabels" -}}
{{ include "sales-suite.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "sales-suite.componentSelectorLabels" -}}
{{ include "sales-suite.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "sales-suite.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "sales-suite.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "sales-suite.secretName" -}}
{{- default (include "sales-suite.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "sales-suite.configMapName" -}}
{{- include "sales-suite.fullname" . -}}
{{- end -}}

{{/* Image reference of one app. Call with (dict "root" $ "app" "gateway"). */}}
{{- define "sales-suite.image" -}}
{{- $root := .root -}}
{{- $svc := index $root.Values.services .app -}}
{{- $repo := default (printf "%s-%s" $root.Values.image.repositoryPrefix .app) $svc.image.repository -}}
{{- if and $root.Values.image.digest (not $svc.image.tag) (not $svc.image.repository) -}}
{{- printf "%s@%s" $repo $root.Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default (default $root.Chart.AppVersion $root.Values.image.tag) $svc.image.tag) -}}
{{- end -}}
{{- end -}}

{{/*
Refuses a grace period that would cut the app's own drain short: Kubernetes sends SIGKILL
terminationGracePeriodSeconds after the pod starts terminating, preStop sleep included.
*/}}
{{- define "sales-suite.terminationGracePeriodSeconds" -}}
{{- $needMs := add (int .Values.config.shutdownGraceMs) (mul (int .Values.preStopSleepSeconds) 1000) -}}
{{- if le (mul (int .Values.terminationGracePeriodSeconds) 1000) (int $needMs) -}}
{{- fail (printf "terminationGracePeriodSeconds (%ds) must exceed config.shutdownGraceMs (%dms) + preStopSleepSeconds (%ds)" (int .Values.terminationGracePeriodSeconds) (int .Values.config.shutdownGraceMs) (int .Values.preStopSleepSeconds)) -}}
{{- end -}}
{{- .Values.terminationGracePeriodSeconds -}}
{{- end -}}

{{/* Secret keys the chart may hand to an app; NATS credentials are optional. */}}
{{- define "sales-suite.optionalSecretKeys" -}}
NATS_USER NATS_PASSWORD WEBHOOK_SECRETS_KEY
{{- end -}}

{{/* Environment of the apps that is not in the ConfigMap: secret keys by reference. Call with (dict "root" $ "keys" list). */}}
{{- define "sales-suite.secretEnv" -}}
{{- $root := .root -}}
{{- $optional := splitList " " (include "sales-suite.optionalSecretKeys" $root) -}}
{{- range .keys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ include "sales-suite.secretName" $root }}
      key: {{ . }}
      {{- if has . $optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}

{{/* Pod-level settings shared by the apps, the migration Job and the test pod. */}}
{{- define "sales-suite.podCommon" -}}
serviceAccountName: {{ include "sales-suite.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountServiceAccountToken }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* NATS_URL: the seed list joined with commas, or the deprecated single value when it is set. */}}
{{- define "sales-suite.natsUrl" -}}
{{- if .Values.config.natsUrl -}}
{{- .Values.config.natsUrl -}}
{{- else -}}
{{- join "," .Values.nats.urls -}}
{{- end -}}
{{- end -}}

{{/*
Refuses a NATS URL whose port the NetworkPolicy would block: the apps would never become ready.
A URL without a port uses the client default of its scheme.
*/}}
{{- define "sales-suite.checkNatsPorts" -}}
{{- if .Values.networkPolicy.enabled -}}
{{- $defaults := dict "nats" "4222" "tls" "4222" "ws" "80" "wss" "443" -}}
{{- range splitList "," (include "sales-suite.natsUrl" .) -}}
{{- $url := urlParse (trim .) -}}
{{- $port := trimPrefix ":" (regexFind ":[0-9]+$" $url.host) | default (index $defaults $url.scheme) -}}
{{- if ne $port (toString $.Values.networkPolicy.nats.port) -}}
{{- fail (printf "NATS URL %s uses port %s, but the NetworkPolicy opens only networkPolicy.nats.port (%v) towards NATS" (trim .) $port $.Values.networkPolicy.nats.port) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Non-secret environment shared by every app (the ConfigMap's data). */}}
{{- define "sales-suite.configData" -}}
NATS_URL: {{ include "sales-suite.natsUrl" . | quote }}
NATS_STREAM_REPLICAS: {{ .Values.nats.streamReplicas | int | quote }}
NATS_SUBJECT_PREFIX: {{ .Values.config.natsSubjectPrefix | quote }}
HTTP_HOST: "0.0.0.0"
NODE_ENV: "production"
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
DB_MIGRATIONS_RUN: {{ ternary "false" "true" .Values.migration.enabled | quote }}
SHUTDOWN_GRACE_MS: {{ .Values.config.shutdownGraceMs | int | quote }}
PUBLIC_BASE_URL: {{ .Values.config.publicBaseUrl | quote }}
PIXEL_SIGNING_KEY_ID: {{ .Values.config.pixelSigningKeyId | quote }}
NATS_REQUEST_TIMEOUT_MS: {{ .Values.config.gateway.natsRequestTimeoutMs | int | quote }}
RATE_LIMIT_PER_MINUTE: {{ .Values.config.gateway.rateLimitPerMinute | int | quote }}
BODY_LIMIT_BYTES: {{ .Values.config.gateway.bodyLimitBytes | int | quote }}
AUTH_FAILURES_PER_MINUTE: {{ .Values.config.gateway.authFailuresPerMinute | int | quote }}
TRUSTED_PROXIES: {{ join "," .Values.config.gateway.trustedProxies | quote }}
{{- with .Values.config.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- end -}}


{{/*
Fewest replicas an app runs: the HPA's minimum, or the fixed count. Call with the service's values.
*/}}
{{- define "sales-suite.minReplicas" -}}
{{- ternary .autoscaling.minReplicas .replicaCount .autoscaling.enabled | int -}}
{{- end -}}

{{/*
Disruption budget of one app, as the spec fields, or nothing when the app runs fewer than 2
replicas. Refuses a minAvailable that would leave no pod evictable at the fewest replicas: such a
budget blocks every node drain. Call with (dict "app" $app "svc" $svc).
*/}}
{{- define "sales-suite.pdbSpec" -}}
{{- $svc := .svc -}}
{{- $replicas := include "sales-suite.minReplicas" $svc | int -}}
{{- if and $svc.pdb.enabled (ge $replicas 2) -}}
{{- $min := $svc.pdb.minAvailable -}}
{{- if kindIs "invalid" $min -}}
maxUnavailable: {{ $svc.pdb.maxUnavailable }}
{{- else -}}
{{- /* Kubernetes rounds a percentage of minAvailable up. */ -}}
{{- $keep := ternary (div (add (mul (int (trimSuffix "%" (toString $min))) $replicas) 99) 100) (int $min) (kindIs "string" $min) -}}
{{- if ge (int $keep) $replicas -}}
{{- fail (printf "services.%s.pdb.minAvailable (%v) keeps all of its %d replicas: no pod could be evicted and node drains would block; lower it or use maxUnavailable" .app $min $replicas) -}}
{{- end -}}
minAvailable: {{ $min }}
{{- end -}}
{{- end -}}
{{- end -}}
