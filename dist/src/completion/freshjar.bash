# bash completion for freshjar. Source this file from ~/.bashrc, or link it as
# ~/.local/share/bash-completion/completions/freshjar so that bash-completion loads it on the
# first <TAB> after "freshjar". It asks this release's freshjar for the script, so the rules and
# modules configured at that moment are completed too; after adding a module, start a new shell.
# shellcheck source=/dev/null
# The file's own place, through the link: the release's bin/ is beside this directory.
_freshjar_completion=$(readlink -f "${BASH_SOURCE[0]}")
source <("${_freshjar_completion%/*}/../bin/freshjar" completion bash)
unset _freshjar_completion
