#!/usr/bin/env bash
# Replays the connector's dead-letter queue into the event queue with an SQS message move task, then waits for
# the task to finish. Fix the cause first (read the messages' reason attributes): replayed messages get a fresh
# set of QueueMaxReceiveCount deliveries and land back here if the cause is still there.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/redrive-dlq.sh --stack NAME [--region REGION] [--profile PROFILE]
                            [--max-per-second N] [--no-wait] [--poll-seconds N]

Moves every message of the stack's dead-letter queue (output DeadLetterQueueArn) back to the event queue
(output QueueArn) with `aws sqs start-message-move-task`, then polls `aws sqs list-message-move-tasks` until the
task is COMPLETED (exit 0), FAILED or CANCELLED (exit 1).

The destination is always given explicitly: the worker also parks documents that Acumatica rejected straight
into the dead-letter queue, and such messages have no "original source queue" SQS could send them back to.

Options:
  --stack NAME                     CloudFormation stack name (required)
  --region REGION, --profile NAME  passed to the AWS CLI
  --max-per-second N               throttle the move (1-500 messages/s; default: SQS decides, up to 500).
                                   The worker's concurrency cap still limits the load on Acumatica.
  --no-wait                        start the task and print its handle without polling
  --poll-seconds N                 seconds between status checks (default 5)
  -h, --help                       show this help

Cancel a running task with: aws sqs cancel-message-move-task --task-handle <handle>
EOF
}

die() {
  printf 'redrive-dlq: %s\n' "$*" >&2
  exit 1
}

stack=""
max_per_second=""
wait_for_task=true
poll_seconds=5
aws_options=()

while (($#)); do
  case "$1" in
    --stack) stack=${2:?--stack needs a value}; shift 2 ;;
    --region) aws_options+=(--region "${2:?--region needs a value}"); shift 2 ;;
    --profile) aws_options+=(--profile "${2:?--profile needs a value}"); shift 2 ;;
    --max-per-second) max_per_second=${2:?--max-per-second needs a value}; shift 2 ;;
    --no-wait) wait_for_task=false; shift ;;
    --poll-seconds) poll_seconds=${2:?--poll-seconds needs a value}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

[[ -n "$stack" ]] || { usage >&2; die "--stack is required"; }
if [[ -n "$max_per_second" ]] && ! [[ "$max_per_second" =~ ^[1-9][0-9]*$ && "$max_per_second" -le 500 ]]; then
  die "--max-per-second must be a whole number from 1 to 500"
fi
if ! [[ "$poll_seconds" =~ ^[1-9][0-9]*$ ]]; then
  die "--poll-seconds must be a positive whole number"
fi
command -v aws >/dev/null || die "the AWS CLI (aws) is not on PATH"

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

dlq_arn=$(stack_output DeadLetterQueueArn)
dlq_url=$(stack_output DeadLetterQueueUrl)
queue_arn=$(stack_output QueueArn)

waiting=$(aws_cli sqs get-queue-attributes --queue-url "$dlq_url" \
  --attribute-names ApproximateNumberOfMessages --query Attributes.ApproximateNumberOfMessages --output text)
printf 'dead-letter queue %s holds about %s message(s)\n' "$dlq_arn" "$waiting"
if [[ "$waiting" == "0" ]]; then
  printf 'nothing to replay\n'
  exit 0
fi

start_arguments=(--source-arn "$dlq_arn" --destination-arn "$queue_arn")
[[ -z "$max_per_second" ]] || start_arguments+=(--max-number-of-messages-per-second "$max_per_second")
# SQS allows one active move task per queue; its error message says so if one is already running.
task_handle=$(aws_cli sqs start-message-move-task "${start_arguments[@]}" --query TaskHandle --output text)
printf 'started move task %s -> %s\n' "$dlq_arn" "$queue_arn"
printf 'task handle: %s\n' "$task_handle"

[[ "$wait_for_task" == true ]] || exit 0

while true; do
  # The most recent task comes first; the handle check guards against reading someone else's newer task.
  latest=$(aws_cli sqs list-message-move-tasks --source-arn "$dlq_arn" --max-results 1 --output text --query \
    'Results[0].[TaskHandle, Status, ApproximateNumberOfMessagesMoved, ApproximateNumberOfMessagesToMove, FailureReason]')
  read -r handle status moved to_move reason <<<"$latest"
  [[ "$handle" == "$task_handle" ]] || die "the latest move task is no longer ours (found $handle); check the console"
  printf '%s: %s of %s message(s) moved\n' "$status" "$moved" "${to_move/None/?}"
  case "$status" in
    COMPLETED) exit 0 ;;
    FAILED) die "move task failed: ${reason}" ;;
    CANCELLED) die "move task was cancelled after moving $moved message(s)" ;;
    *) sleep "$poll_seconds" ;;
  esac
done
