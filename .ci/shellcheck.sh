#!/usr/bin/env bash
# .ci/shellcheck.sh: Debian's shellcheck over every shell script in the
# repository (.ci/run calls it): the files git tracks whose name ends in .sh
# or whose first line is a sh or bash shebang, and the scripts they source
# (followed with -x). One PASS/FAIL line per file, then "N passed, M failed".
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
sh .ci/deps.sh lint || { echo "cannot install shellcheck"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
while IFS= read -r -d '' file; do
    case $file in
    *.sh) ;;
    *) head -n 1 "$file" | grep -qE '^#!(/usr/bin/env |/bin/|/usr/bin/)(ba)?sh( |$)' || continue ;;
    esac
    if out=$(shellcheck -x "$file" 2>&1); then
        echo "PASS shellcheck: $file"
        passed=$((passed + 1))
    else
        echo "FAIL shellcheck: $file"
        printf '%s\n' "$out" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done < <(git ls-files -z --cached --others --exclude-standard)
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
