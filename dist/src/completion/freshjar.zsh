# zsh completion for freshjar. Source this file from ~/.zshrc, after compinit. It asks this
# release's freshjar for the script, so the rules and modules configured at that moment are
# completed too; after adding a module, start a new shell.
source <("${${(%):-%x}:A:h}/../bin/freshjar" completion zsh)
