{{/* Names: <release>-provisioningbus unless the release name already says it. */}}
{{- define "pb.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pb.fullname" -}}
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

{{/* Labels; call with (dict "root" $ "component" "gateway"). Selector labels never change across upgrades. */}}
{{- define "pb.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pb.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "pb.labels" -}}
{{ include "pb.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: provisioningbus
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "pb.secretName" -}}
{{- default (printf "%s-secrets" (include "pb.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "pb.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "pb.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Image reference; call with (dict "root" $ "name" "worker"). */}}
{{- define "pb.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s" $img.repositoryPrefix .name -}}
{{- if $img.registry -}}{{- $repo = printf "%s/%s" (trimSuffix "/" $img.registry) $repo -}}{{- end -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{/* The settings every ProvisioningBus process gets: config, with the emulators' endpoints and ids when enabled. */}}
{{- define "pb.config" -}}
{{- $config := deepCopy .Values.config -}}
{{- if .Values.emulators.enabled -}}
{{- $fullname := include "pb.fullname" . -}}
{{- $pingone := printf "http://%s-pingone-emulator" $fullname -}}
{{- $docusign := printf "http://%s-docusign-emulator" $fullname -}}
{{- $conn := printf "Docusign__Connections__%s__" .Values.emulators.docusignConnection -}}
{{- $_ := set $config "PingOne__ApiBaseUri" (printf "%s/v1" $pingone) -}}
{{- $_ := set $config "PingOne__AuthBaseUri" $pingone -}}
{{- $_ := set $config "PingOne__EnvironmentId" .Values.emulators.pingone.environmentId -}}
{{- $_ := set $config "PingOne__ClientId" .Values.emulators.pingone.clientId -}}
{{- $_ := set $config (print $conn "ServiceUri") $docusign -}}
{{- $_ := set $config (print $conn "TokenEndpoint") (printf "%s/oauth/token" $docusign) -}}
{{- $_ := set $config (print $conn "AccountId") .Values.emulators.docusign.accountId -}}
{{- $_ := set $config (print $conn "ClientId") .Values.emulators.docusign.clientId -}}
{{- end -}}
{{- toYaml $config -}}
{{- end -}}

{{/* Pod-level settings shared by every Deployment; call with the root context. */}}
{{- define "pb.podSpecCommon" -}}
serviceAccountName: {{ include "pb.serviceAccountName" . }}
# The processes never call the Kubernetes API: no token in the pod.
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  # The root filesystem is read-only; .NET needs a writable temp directory (diagnostics sockets, temp files).
  - name: tmp
    emptyDir: {}
  # The Data Protection key ring that encrypts refresh tokens in PostgreSQL. Every pod must read the same keys: give
  # a ReadWriteMany claim (keyRing.existingClaim) or a Secret holding a key ring made once (keyRing.existingSecret).
  - name: keyring
    {{- if .Values.keyRing.existingClaim }}
    persistentVolumeClaim:
      claimName: {{ .Values.keyRing.existingClaim }}
    {{- else if .Values.keyRing.existingSecret }}
    secret:
      secretName: {{ .Values.keyRing.existingSecret }}
    {{- else }}
    emptyDir: {}
    {{- end }}
{{- end -}}

{{/* Container settings shared by the gateway and the workers: config, secrets, probes, hardening. */}}
{{- define "pb.containerCommon" -}}
imagePullPolicy: {{ .Values.image.pullPolicy }}
securityContext:
  {{- toYaml .Values.containerSecurityContext | nindent 2 }}
ports:
  - name: http
    containerPort: 8080
    protocol: TCP
envFrom:
  - configMapRef:
      name: {{ include "pb.fullname" . }}-config
  - secretRef:
      name: {{ include "pb.secretName" . }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
  - name: keyring
    mountPath: /var/lib/provisioningbus/keys
    readOnly: {{ not (empty .Values.keyRing.existingSecret) }}
startupProbe:
  httpGet: {path: /health/live, port: http}
  {{- toYaml .Values.probes.startup | nindent 2 }}
readinessProbe:
  # Ready only while the broker and the store answer: no traffic (webhooks) to a gateway that cannot enqueue.
  httpGet: {path: /health/ready, port: http}
  {{- toYaml .Values.probes.readiness | nindent 2 }}
livenessProbe:
  # Liveness is the process alone: a broker outage must not restart every pod.
  httpGet: {path: /health/live, port: http}
  {{- toYaml .Values.probes.liveness | nindent 2 }}
{{- end -}}

{{/* Roll pods when configuration or the chart-made Secret changes (envFrom is read only at start). */}}
{{- define "pb.checksums" -}}
checksum/config: {{ include "pb.config" . | sha256sum }}
{{- if not .Values.secrets.existingSecret }}
checksum/secret: {{ toYaml .Values.secrets.values | sha256sum }}
{{- end }}
{{- end -}}
