#!/usr/bin/env bash
# Fills the three secrets that template.yaml creates empty. Values come from environment variables or, when a
# variable is unset and a terminal is attached, from prompts that do not echo. Secret values are never printed,
# never passed on a command line (they go to the AWS CLI through stdin) and never written to disk.
set -euo pipefail
set +x # a caller's `bash -x` would otherwise trace the secrets

readonly ALL_SECRETS=(chargebee webhook acumatica)

usage() {
  cat <<'EOF'
Usage: infra/put-secrets.sh --stack NAME [--region REGION] [--profile PROFILE]
                            [--only chargebee|webhook|acumatica]... [--generate-webhook-credentials]

Writes the connector's credentials into the Secrets Manager secrets of a deployed stack (their ARNs are read
from the stack outputs ChargebeeSecretArn, WebhookSecretArn and AcumaticaSecretArn) with
`aws secretsmanager put-secret-value`. Each run creates a new secret version; the functions pick it up within
SECRETS_MANAGER_TTL (5 minutes) of the extension cache plus the connector's own cache (5 minutes).

Values are taken from these environment variables, or prompted for (without echo) when unset:
  chargebee   CHARGEBEE_API_KEY                              -> {"api_key"}
  webhook     WEBHOOK_USERNAME, WEBHOOK_PASSWORD,
              WEBHOOK_PATH_TOKEN (may be empty: disables the
              /chargebee/webhook/{token} route)               -> {"username", "password", "path_token"}
  acumatica   ACUMATICA_CLIENT_ID, ACUMATICA_CLIENT_SECRET,
              ACUMATICA_USERNAME, ACUMATICA_PASSWORD          -> {"client_id", "client_secret", "username", "password"}

Options:
  --stack NAME                     CloudFormation stack name (required)
  --region REGION, --profile NAME  passed to the AWS CLI
  --only SECRET                    update only this secret; repeatable (default: all three)
  --generate-webhook-credentials   generate a random webhook password and path token instead of asking
                                   (WEBHOOK_USERNAME still applies, default "chargebee"); read them back with
                                   aws secretsmanager get-secret-value --secret-id <WebhookSecretArn>
                                   when you enter them in Chargebee
  -h, --help                       show this help

Example:
  CHARGEBEE_API_KEY=... infra/put-secrets.sh --stack ml-connector --only chargebee
EOF
}

die() {
  printf 'put-secrets: %s\n' "$*" >&2
  exit 1
}

stack=""
generate_webhook=false
selected=()
aws_options=()

while (($#)); do
  case "$1" in
    --stack) stack=${2:?--stack needs a value}; shift 2 ;;
    --region) aws_options+=(--region "${2:?--region needs a value}"); shift 2 ;;
    --profile) aws_options+=(--profile "${2:?--profile needs a value}"); shift 2 ;;
    --only)
      case "${2:-}" in
        chargebee | webhook | acumatica) selected+=("$2") ;;
        *) die "--only takes chargebee, webhook or acumatica" ;;
      esac
      shift 2
      ;;
    --generate-webhook-credentials) generate_webhook=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

[[ -n "$stack" ]] || { usage >&2; die "--stack is required"; }
command -v aws >/dev/null || die "the AWS CLI (aws) is not on PATH"
((${#selected[@]})) || selected=("${ALL_SECRETS[@]}")

aws_cli() {
  aws "${aws_options[@]}" "$@"
}

stack_output() {
  local key=$1 value
  value=$(aws_cli cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='${key}'].OutputValue | [0]" --output text) ||
    die "cannot read stack $stack"
  [[ -n "$value" && "$value" != "None" ]] || die "stack $stack has no output $key (is it this connector's stack?)"
  printf '%s' "$value"
}

# Reads a value into the variable named $1: from the environment variable $2 if set, else from a prompt.
# Secret prompts do not echo; the value is never printed.
read_value() {
  local target=$1 source=$2 label=$3 secret=$4 allow_empty=${5:-false} value
  if [[ -n "${!source+set}" ]]; then
    value=${!source}
  else
    [[ -t 0 ]] || die "$source is not set and there is no terminal to ask for it"
    if [[ "$secret" == true ]]; then
      read -r -s -p "$label: " value
      printf '\n' >&2
    else
      read -r -p "$label: " value
    fi
  fi
  if [[ -z "$value" && "$allow_empty" != true ]]; then
    die "$label must not be empty"
  fi
  printf -v "$target" '%s' "$value"
}

# JSON string literal of $1 (quotes included). Control characters other than tab/newline/CR are refused rather
# than escaped: no credential legitimately contains them, and a stray one is more likely a paste accident.
json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\t'/\\t}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  [[ "$s" =~ [[:cntrl:]] ]] && die "a value contains control characters"
  printf '"%s"' "$s"
}

random_token() {
  # 32 random bytes, URL-safe: the token travels in a URL path.
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

# Sends the JSON document on stdin to put-secret-value; only the new version id is shown.
put_secret() {
  local name=$1 arn=$2 document=$3 version
  version=$(printf '%s' "$document" |
    aws_cli secretsmanager put-secret-value --secret-id "$arn" --secret-string file:///dev/stdin \
      --query VersionId --output text) || die "put-secret-value failed for the $name secret"
  printf 'updated %s secret %s (version %s)\n' "$name" "$arn" "$version"
}

# Command substitutions below are plain assignments so that `set -e` stops the script when one fails
# (a failure inside a substitution that is an argument would go unnoticed).
put_chargebee() {
  local arn api_key document
  arn=$(stack_output ChargebeeSecretArn)
  read_value api_key CHARGEBEE_API_KEY "Chargebee API key" true
  document="{\"api_key\":$(json_string "$api_key")}"
  put_secret chargebee "$arn" "$document"
}

put_webhook() {
  local arn username password path_token document
  arn=$(stack_output WebhookSecretArn)
  if [[ "$generate_webhook" == true ]]; then
    username=${WEBHOOK_USERNAME:-chargebee}
    password=$(random_token)
    path_token=$(random_token)
  else
    read_value username WEBHOOK_USERNAME "Webhook Basic-auth user name" false
    read_value password WEBHOOK_PASSWORD "Webhook Basic-auth password" true
    read_value path_token WEBHOOK_PATH_TOKEN "Webhook path token (empty disables the token route)" true true
  fi
  document="{\"username\":$(json_string "$username"),\"password\":$(json_string "$password")"
  document+=",\"path_token\":$(json_string "$path_token")}"
  put_secret webhook "$arn" "$document"
}

put_acumatica() {
  local arn client_id client_secret username password document
  arn=$(stack_output AcumaticaSecretArn)
  read_value client_id ACUMATICA_CLIENT_ID "Acumatica OAuth client id" false
  read_value client_secret ACUMATICA_CLIENT_SECRET "Acumatica OAuth client secret" true
  read_value username ACUMATICA_USERNAME "Acumatica integration user name" false
  read_value password ACUMATICA_PASSWORD "Acumatica integration user password" true
  document="{\"client_id\":$(json_string "$client_id"),\"client_secret\":$(json_string "$client_secret")"
  document+=",\"username\":$(json_string "$username"),\"password\":$(json_string "$password")}"
  put_secret acumatica "$arn" "$document"
}

for secret in "${selected[@]}"; do
  "put_$secret"
done
