#!/bin/bash
# The C sources against .clang-format, as CI will check them:
#
#   bash .ci/format.sh
#
# runs Debian's clang-format (14) with --dry-run -Werror on every C file
# that git tracks under lib, include, cli, tests, examples and python;
# prints each file that it would change with the first of its diagnostics,
# and ends with the line "N passed, M failed" (one per file). To fix a file,
# clang-format -i FILE.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
"$top/.ci/deps.sh" lint >/dev/null || { echo "cannot install clang-format"; exit 1; }

passed=0
failed=0
mapfile -t files < <(git ls-files -- 'lib/*.[ch]' 'include/*.[ch]' \
                         'cli/*.[ch]' 'tests/*.[ch]' 'tests/*.cpp' 'examples/*.[ch]' \
                         'python/*.[ch]')
for f in "${files[@]}"; do
    if out=$(clang-format --style=file --dry-run -Werror "$f" 2>&1); then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $f ($(grep -c 'error:' <<<"$out") places)"
        grep -m 1 -A 2 'error:' <<<"$out" | sed 's/^/    /'
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
