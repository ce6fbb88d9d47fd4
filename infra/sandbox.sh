#!/usr/bin/env bash
# Starts the Chargebee or the Acumatica sandbox on its own, on 127.0.0.1, in the foreground until Ctrl+C: the one
# command to try the connector (or any client) before connecting real systems. Compiles the test classes first (a
# fresh clone needs nothing else than Java 17+), then runs the sandbox's main class on the test class path through
# Maven (profile `sandbox` of pom.xml, exec:java), so there is no class path to assemble by hand.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/sandbox.sh chargebee --port N --data DIR [--site NAME] [--api-key KEY] [--request-log FILE]
       infra/sandbox.sh acumatica --port N [--instance /Path] [--config FILE] [--api-users N]
                                  [--max-concurrent N] [--max-per-minute N] [--request-log FILE]

Examples:
  infra/sandbox.sh chargebee --port 8089 --data src/test/resources/chargebee/demo-cycle --api-key test_key
  infra/sandbox.sh acumatica --port 8085 --instance /AcumaticaERP --request-log target/acumatica-requests.jsonl

Each sandbox prints its base URL and the (sandbox-only) credentials it accepts, then serves until Ctrl+C.
--request-log FILE appends one JSON object per request to FILE (time, method, path, query, status, duration_ms;
for Acumatica also entity and action), flushed per line and free of credentials: count calls with
`jq -s 'length' FILE`, follow them with `tail -f FILE`.
Relative paths are taken from the directory you run the script in.
EOF
}

die() {
  printf 'sandbox: %s\n' "$*" >&2
  exit 2
}

case "${1:-}" in
  chargebee) main=io.mlconnector.sandbox.chargebee.ChargebeeSandboxMain ;;
  acumatica) main=io.mlconnector.sandbox.acumatica.AcumaticaSandboxMain ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; die "the first argument must be chargebee or acumatica" ;;
esac
shift

absolute() {
  case "$1" in
    /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$PWD" "$1" ;;
  esac
}

# Maven parses exec.args like a shell line: quote each argument so that paths with spaces survive.
quoted() {
  if [[ "$1" != *"'"* ]]; then
    printf "'%s'" "$1"
  elif [[ "$1" != *'"'* ]]; then
    printf '"%s"' "$1"
  else
    die "an argument cannot hold both kinds of quote: $1"
  fi
}

args=""
while (($#)); do
  value=$1
  case "$1" in
    --data | --config | --request-log)
      args+="$(quoted "$1") "
      value=$(absolute "${2:?$1 needs a value}")
      shift
      ;;
  esac
  args+="$(quoted "$value") "
  shift
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# -q -B: only the sandbox speaks, and asks nothing.
# !install-dynalite: the sandboxes need no DynamoDB stand-in, so no npm either.
# Two Maven runs: Quarkus' code generation, bound to test-compile, re-reads Maven's command line split at spaces and
# fails on the spaces of -Dexec.args; the second run executes no lifecycle phase, only the sandbox.
./mvnw -q -B -P '!install-dynalite' test-compile
# exec: Ctrl+C reaches the JVM directly, whose shutdown hook stops the sandbox and closes the request log.
exec ./mvnw -q -B -P sandbox exec:java -Dexec.mainClass="$main" -Dexec.args="${args% }"
