#!/usr/bin/env bash
# Runs one operator command on a deployed connector: invokes the stack's poller function with the command's JSON
# payload and prints the function's answer. Every command is also a plain `aws lambda invoke` (README, "Operating it").
set -euo pipefail

usage() {
  cat <<'EOF_USAGE'
Usage: infra/connector.sh --stack NAME [--region REGION] [--profile PROFILE] COMMAND [ARGUMENTS]

Commands (each one invocation of the stack's PollerFunction, alias live; the answer is printed as JSON):
  ping                                   both credential sets, the endpoint version and the mapping, in plain words
  preflight                              the mapping file checked against Acumatica, every gap listed
  backfill FROM TO [--window-days N] [--types T,T]
                                         queue the documents created from FROM to TO (ISO-8601, e.g.
                                         2024-01-01T00:00:00Z); run it again until it answers "complete": true
  summary PERIOD [--unless-posted]       summary mode's journals for PERIOD (2026-05 or previous)
  reconcile PERIOD                       compare Chargebee and Acumatica for PERIOD (2026-05, current or previous)
  held list [--reason R] [--type T] [--limit N]
                                         the held documents
  held retry TYPE ID                     post one held document again (TYPE: customer, invoice, credit_note,
                                         transaction)
  held retry-all REASON                  post every document held with REASON again
  held skip TYPE ID REASON --by WHO      never post this document; recorded with REASON and WHO
  dry-run EVENT_ID                       the Acumatica bodies the event would post, posting nothing
  dry-run --period PERIOD [--limit N]    the same for the documents created in PERIOD (at most N, default 50)

Options:
  --stack NAME                     CloudFormation stack name (required)
  --region REGION, --profile NAME  passed to the AWS CLI
  -h, --help                       show this help

The poller has a reserved concurrency of 1: an invoke while it polls is throttled, and the AWS CLI retries it
(AWS_RETRY_MODE=adaptive, AWS_MAX_ATTEMPTS=10 unless you set them). Exit status: 0 when the answer has no "error",
2 when it has one, 1 when the invoke itself failed.
EOF_USAGE
}

die() {
  printf 'connector: %s\n' "$*" >&2
  exit 1
}

# A JSON string: backslash, quote and control characters escaped.
json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

whole_number() {
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number, not '$2'"
  printf '%s' "$2"
}

stack=""
aws_options=()
while (($#)); do
  case "$1" in
    --stack) stack=${2:?--stack needs a value}; shift 2 ;;
    --region) aws_options+=(--region "${2:?--region needs a value}"); shift 2 ;;
    --profile) aws_options+=(--profile "${2:?--profile needs a value}"); shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) break ;;
  esac
done
(($#)) || { usage >&2; die "a command is required"; }
command=$1
shift

case "$command" in
  ping)
    (($# == 0)) || die "ping takes no arguments"
    payload='{"ping":true}' ;;
  preflight)
    (($# == 0)) || die "preflight takes no arguments"
    payload='{"preflight":true}' ;;
  backfill)
    (($# >= 2)) || die "usage: backfill FROM TO [--window-days N] [--types T,T]"
    fields="\"from\":$(json_string "$1"),\"to\":$(json_string "$2")"
    shift 2
    while (($#)); do
      case "$1" in
        --window-days)
          fields+=",\"window_days\":$(whole_number --window-days "${2:?--window-days needs a value}")"
          shift 2 ;;
        --types)
          types=""
          IFS=',' read -r -a listed <<<"${2:?--types needs a value}"
          for type in "${listed[@]}"; do types+="${types:+,}$(json_string "$type")"; done
          fields+=",\"types\":[${types}]"
          shift 2 ;;
        *) die "backfill: unknown argument $1" ;;
      esac
    done
    payload="{\"backfill\":{${fields}}}" ;;
  summary)
    (($# >= 1)) || die "usage: summary PERIOD [--unless-posted]"
    fields="\"period\":$(json_string "$1")"
    shift
    while (($#)); do
      case "$1" in
        --unless-posted) fields+=',"unless_posted":true'; shift ;;
        *) die "summary: unknown argument $1" ;;
      esac
    done
    payload="{\"gl_summary\":{${fields}}}" ;;
  reconcile)
    (($# == 1)) || die "usage: reconcile PERIOD (2026-05, current or previous)"
    payload="{\"reconcile\":{\"period\":$(json_string "$1")}}" ;;
  held)
    (($# >= 1)) || die "usage: held list|retry|retry-all|skip ..."
    action=$1
    shift
    case "$action" in
      list)
        fields=""
        while (($#)); do
          case "$1" in
            --reason) fields+="${fields:+,}\"reason\":$(json_string "${2:?--reason needs a value}")"; shift 2 ;;
            --type) fields+="${fields:+,}\"type\":$(json_string "${2:?--type needs a value}")"; shift 2 ;;
            --limit) fields+="${fields:+,}\"limit\":$(whole_number --limit "${2:?--limit needs a value}")"; shift 2 ;;
            *) die "held list: unknown argument $1" ;;
          esac
        done
        payload="{\"held\":{\"list\":{${fields}}}}" ;;
      retry)
        (($# == 2)) || die "usage: held retry TYPE ID"
        payload="{\"held\":{\"retry\":{\"type\":$(json_string "$1"),\"id\":$(json_string "$2")}}}" ;;
      retry-all)
        (($# == 1)) || die "usage: held retry-all REASON"
        payload="{\"held\":{\"retry_all\":{\"reason\":$(json_string "$1")}}}" ;;
      skip)
        (($# == 5)) && [[ "$4" == "--by" ]] || die "usage: held skip TYPE ID REASON --by WHO"
        fields="\"type\":$(json_string "$1"),\"id\":$(json_string "$2"),\"reason\":$(json_string "$3")"
        payload="{\"held\":{\"skip\":{${fields},\"by\":$(json_string "$5")}}}" ;;
      *) die "held: unknown action $action (list, retry, retry-all, skip)" ;;
    esac ;;
  dry-run)
    (($# >= 1)) || die "usage: dry-run EVENT_ID | dry-run --period PERIOD [--limit N]"
    if [[ "$1" == "--period" ]]; then
      fields="\"period\":$(json_string "${2:?--period needs a value}")"
      shift 2
      while (($#)); do
        case "$1" in
          --limit) fields+=",\"limit\":$(whole_number --limit "${2:?--limit needs a value}")"; shift 2 ;;
          *) die "dry-run: unknown argument $1" ;;
        esac
      done
      payload="{\"dry_run\":{${fields}}}"
    else
      (($# == 1)) || die "usage: dry-run EVENT_ID"
      payload="{\"dry_run\":{\"event_id\":$(json_string "$1")}}"
    fi ;;
  *) usage >&2; die "unknown command: $command" ;;
esac

[[ -n "$stack" ]] || { usage >&2; die "--stack is required"; }
command -v aws >/dev/null || die "the AWS CLI (aws) is not on PATH"
# A throttled invoke (reserved concurrency 1, the schedule's poll running) is retried with backoff by the CLI.
export AWS_RETRY_MODE=${AWS_RETRY_MODE:-adaptive}
export AWS_MAX_ATTEMPTS=${AWS_MAX_ATTEMPTS:-10}

aws_cli() {
  aws "${aws_options[@]}" "$@"
}

function_name=$(aws_cli cloudformation describe-stack-resource --stack-name "$stack" \
  --logical-resource-id PollerFunction --query StackResourceDetail.PhysicalResourceId --output text) ||
  die "cannot read stack $stack"
[[ -n "$function_name" && "$function_name" != "None" ]] || die "stack $stack has no PollerFunction"

answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
# No read timeout: a backfill or a summary runs up to the function's 120 s, longer than the CLI's default 60 s,
# and a timed-out invoke would be sent again.
function_error=$(aws_cli lambda invoke --function-name "$function_name" --qualifier live \
  --cli-binary-format raw-in-base64-out --cli-read-timeout 0 --payload "$payload" \
  --query FunctionError --output text "$answer") || die "the invoke of $function_name failed"
if command -v python3 >/dev/null; then
  python3 -m json.tool "$answer" 2>/dev/null || cat "$answer"
else
  cat "$answer"
  printf '\n'
fi
if [[ -n "$function_error" && "$function_error" != "None" ]]; then
  die "$function_name failed ($function_error); its logs are in CloudWatch"
fi
if grep -q '^[[:space:]]*{[[:space:]]*"error"' "$answer"; then
  exit 2
fi
