# bash completion for samv
_samv() {
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	}
	local i cmd=
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-C) ((i++)) ;;
		-*) ;;
		*) cmd=${words[i]}; break ;;
		esac
	done
	if [[ $prev == -C ]]; then
		COMPREPLY=($(compgen -d -- "$cur"))
		return
	fi
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "init check help -C --help --version" -- "$cur"))
		return
	fi
	case $cmd in
	init)
		case $prev in
		--language) COMPREPLY=($(compgen -W "sv en" -- "$cur")); return ;;
		--from) COMPREPLY=($(compgen -d -- "$cur")); return ;;
		--name) return ;;
		esac
		COMPREPLY=($(compgen -W "--from --language --name --help" -- "$cur"))
		[[ $cur != -* ]] && COMPREPLY+=($(compgen -d -- "$cur"))
		;;
	check)
		case $prev in
		--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
		--rev) COMPREPLY=($(compgen -W "HEAD $(git for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur")); return ;;
		esac
		COMPREPLY=($(compgen -W "--format --list-rules --rev --strict --summary --help" -- "$cur"))
		[[ $cur != -* ]] && COMPREPLY+=($(compgen -f -- "$cur"))
		;;
	help)
		COMPREPLY=($(compgen -W "samv init check records" -- "$cur"))
		;;
	esac
}
complete -F _samv samv
