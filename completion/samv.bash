# bash completion for samv

# _samv_root [DIR]: the samv repository at or above DIR (default: the
# current directory), the first directory holding a samv.yaml.
_samv_root() {
	local d=${1:-$PWD}
	[[ $d == /* ]] || d=$PWD/$d
	while :; do
		if [[ -f $d/samv.yaml && ! -L $d/samv.yaml ]]; then
			printf '%s\n' "$d"
			return 0
		fi
		[[ -z $d || $d == / ]] && return 1
		d=${d%/*}
		[[ -z $d ]] && d=/
	done
}

# _samv_ids ROOT KIND: the ids of one kind of record under ROOT, one a line.
_samv_ids() {
	local root=$1 f b y n
	case $2 in
	body)
		for f in "$root"/bodies/*.yaml; do
			[[ -f $f ]] || continue
			f=${f##*/}
			printf '%s\n' "${f%.yaml}"
		done
		;;
	meeting)
		for f in "$root"/meetings/*/*.yaml; do
			[[ -f $f ]] || continue
			b=${f%/*}
			b=${b##*/}
			f=${f##*/}
			printf '%s\n' "$b/${f%.yaml}"
		done
		;;
	decision)
		for f in "$root"/decisions/*/*/*.yaml; do
			[[ -f $f ]] || continue
			n=${f##*/}
			n=${n%.yaml}
			[[ $n =~ ^[0-9]+$ ]] || continue
			y=${f%/*}
			b=${y%/*}
			printf '%s\n' "${b##*/}/${y##*/}/$((10#$n))"
		done
		;;
	assignment)
		for f in "$root"/assignments/*/*/*.yaml; do
			[[ -f $f ]] || continue
			n=${f##*/}
			y=${f%/*}
			b=${y%/*}
			printf '%s\n' "${b##*/}/${y##*/}/${n%.yaml}"
		done
		;;
	esac
}

# _samv_principals ROOT: the ids of the principals and groups declared in
# ROOT/samv.yaml (the "- id: X" lines under principals: and groups:).
_samv_principals() {
	local line sect= re='^[[:space:]]*-[[:space:]]+id:[[:space:]]*["'"'"']?([a-z0-9][a-z0-9-]*)'
	[[ -f $1/samv.yaml ]] || return
	while IFS= read -r line || [[ -n $line ]]; do
		case $line in
		principals:*) sect=1; continue ;;
		groups:*) sect=1; continue ;;
		[![:space:]#-]*) sect= ;;
		esac
		[[ -n $sect && $line =~ $re ]] && printf '%s\n' "${BASH_REMATCH[1]}"
	done < "$1/samv.yaml"
}

# _samv_years ROOT: the years that have decisions.
_samv_years() {
	local d
	for d in "$1"/decisions/*/[0-9][0-9][0-9][0-9]; do
		[[ -d $d ]] && printf '%s\n' "${d##*/}"
	done | sort -u
}

# _samv_items ROOT MEETING: the numbers of the meeting's agenda items, 1
# to the count of the entries of agenda.items (block style, as samv
# writes it).
_samv_items() {
	local f=$1/meetings/$2.yaml n
	[[ $2 == */* && $2 != *..* && -f $f ]] || return
	n=$(awk '
		/^[[:space:]]*(#|$)/ { next }
		{ match($0, /^ */); ind = RLENGTH; rest = substr($0, ind + 1) }
		state == 0 && /^agenda:/ { state = 1; next }
		state == 1 && ind == 0 { state = 0 }
		state == 1 && rest ~ /^items:/ { state = 2; iind = ind; next }
		state == 2 {
			if (ind < iind || (ind == iind && rest !~ /^-( |$)/)) { state = 3; next }
			if (rest ~ /^-( |$)/) { if (dind == "") dind = ind; if (ind == dind) n++ }
		}
		END { print n + 0 }' "$f" 2>/dev/null)
	((n > 0)) && seq 1 "$n"
}

_samv() {
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	}
	local i cmd= ci=0 dir=$PWD
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-C)
			((i++))
			if ((i < cword)); then
				local c=${words[i]/#\~/$HOME}
				[[ $c == /* ]] && dir=$c || dir=$dir/$c
			fi
			;;
		-*) ;;
		*) cmd=${words[i]}; ci=$i; break ;;
		esac
	done
	if [[ $prev == -C ]]; then
		COMPREPLY=($(compgen -d -- "$cur"))
		return
	fi
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "init check meeting agenda decide protocol decision body assign report trace diff log help -C --help --version" -- "$cur"))
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
	meeting|agenda|decide|protocol|decision|body|assign|report|trace|diff|log)
		_samv_verb "$cmd" "$ci" "$dir"
		;;
	help)
		COMPREPLY=($(compgen -W "samv init check meeting agenda decide protocol decision body assign report trace diff log records githooks" -- "$cur"))
		;;
	esac
}

# _samv_verb CMD INDEX DIR: the verbs of samv meeting, agenda, protocol
# and decision (samv decide has none), their options (as in the option
# tables of cmd/samv-CMD.c) and their arguments: bodies, meetings,
# decisions, item numbers, principals and other values from the
# repository found upward from DIR. Uses cur, prev, words and cword of
# _samv.
_samv_verb() {
	local cmd=$1 ci=$2 dir=$3 verb= verbs= opts= valopts= pos= root k n=0
	local first=$((ci + 2))
	case $cmd in
	meeting) verbs="new list attend" ;;
	agenda) verbs="new add move remove break publish show" ;;
	protocol) verbs="minutes adjusters adjust show extract" ;;
	decision) verbs="list show adopt" ;;
	body) verbs="new list member show" ;;
	assign) verbs="new report status list show" ;;
	report) verbs="followup overdue recommendations compliance org calendar plan" ;;
	decide|trace|diff|log) first=$((ci + 1)) ;;
	esac
	if [[ -n $verbs ]]; then
		if ((cword == ci + 1)); then
			COMPREPLY=($(compgen -W "$verbs --help" -- "$cur"))
			return
		fi
		verb=${words[ci+1]}
	fi
	case $cmd/$verb in
	meeting/new)
		opts="--end --kind --place --start"
		valopts="--end --kind --place --start"
		pos="body" ;;
	meeting/list)
		opts="--format --upcoming"
		valopts="--format"
		pos="body" ;;
	meeting/attend)
		opts="--absent --other --present --substitute"
		valopts="$opts"
		pos="meeting" ;;
	agenda/new)
		opts="--edit --end --no-edit --place --start"
		valopts="--end --place --start"
		pos="body date" ;;
	agenda/add)
		opts="--after --at --consequences --description --document --minutes --presenter --proposal --ref --title --type"
		valopts="$opts"
		pos="meeting" ;;
	agenda/move)
		opts="--to"
		valopts="--to"
		pos="meeting item" ;;
	agenda/remove)
		pos="meeting item" ;;
	agenda/break)
		opts="--at --note --until"
		valopts="$opts"
		pos="meeting" ;;
	agenda/publish)
		opts="--date"
		valopts="--date"
		pos="meeting" ;;
	agenda/show)
		opts="--format --rev"
		valopts="$opts"
		pos="meeting" ;;
	decide/)
		opts="--acclamation --adjusted-now --conflict --corrects --expires --kind --motion --note --political --recipients --recommend --reservation --roll-call --summary --text --text-file --title --to --vote --winner"
		valopts="--conflict --corrects --expires --kind --motion --note --recipients --recommend --reservation --roll-call --summary --text --text-file --title --to --vote --winner"
		pos="meeting item" ;;
	protocol/minutes)
		opts="--text"
		valopts="--text"
		pos="meeting item" ;;
	protocol/adjusters)
		opts="--when --where"
		valopts="$opts"
		pos="meeting" ;;
	protocol/adjust)
		opts="--by --date"
		valopts="$opts"
		pos="meeting" ;;
	protocol/show)
		opts="--format --rev"
		valopts="$opts"
		pos="meeting" ;;
	protocol/extract|decision/show)
		opts="--format --rev"
		valopts="$opts"
		pos="decision" ;;
	decision/list)
		opts="--body --format --kind --year"
		valopts="$opts" ;;
	decision/adopt)
		opts="--by --date --principal --ref --status"
		valopts="$opts"
		pos="decision" ;;
	body/new)
		opts="--commissioned-by --escalates-to --full-name --implements --kind --name --political --prepares-for"
		valopts="--commissioned-by --escalates-to --full-name --implements --kind --name --prepares-for" ;;
	body/list)
		opts="--format"
		valopts="--format" ;;
	body/member)
		if ((cword == ci + 2)); then
			COMPREPLY=($(compgen -W "add end" -- "$cur"))
			return
		fi
		opts="--date --from --name --party --position --principal --role --to"
		valopts="$opts"
		first=$((ci + 3))
		pos="body" ;;
	body/show)
		opts="--as-of --format --rev"
		valopts="$opts"
		pos="body" ;;
	assign/new)
		opts="--attachment --background --body --child-rights --contact --decision --due --edit --follow-up --given --no-edit --plan --report-how --report-to --section --task --title --to --user-influence"
		valopts="--attachment --background --body --child-rights --contact --decision --due --follow-up --given --plan --report-how --report-to --section --task --title --to --user-influence" ;;
	assign/report)
		opts="--date --final --meeting --summary"
		valopts="--date --meeting --summary"
		pos="assignment" ;;
	assign/status)
		pos="assignment status" ;;
	assign/list)
		opts="--as-of --body --format --open --overdue --plan"
		valopts="--as-of --body --format --plan" ;;
	assign/show)
		opts="--format --rev"
		valopts="$opts"
		pos="assignment" ;;
	report/*)
		opts="--as-of --body --days --format --rev --year"
		valopts="$opts"
		[[ $verb == plan ]] && pos="assignment" ;;
	trace/)
		opts="--format --rev"
		valopts="$opts"
		pos="decision" ;;
	diff/)
		opts="--driver --format"
		valopts="--format" ;;
	log/)
		opts="--format --since --until"
		valopts="$opts"
		pos="decision" ;;
	*) return ;;
	esac
	root=$(_samv_root "$dir")

	# the value of an option: --opt VALUE, or --opt=VALUE
	local opt=
	if [[ $prev == = && $cword -ge 2 && ${words[cword-2]} == --* ]]; then
		opt=${words[cword-2]}
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		cur=${cur#*=}
	elif [[ " $valopts " == *" $prev "* ]]; then
		opt=$prev
	fi
	if [[ -n $opt ]]; then
		case $opt in
		--format)
			case $cmd/$verb in
			meeting/list|decision/list)
				COMPREPLY=($(compgen -W "md json" -- "$cur")) ;;
			*)
				COMPREPLY=($(compgen -W "md html json" -- "$cur")) ;;
			esac ;;
		--kind)
			if [[ $cmd == decide || $cmd == decision ]]; then
				COMPREPLY=($(compgen -W "decision recommendation direction proposal correction election" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "ordinary extra check-in strategy-day preparatory joint constituent" -- "$cur"))
			fi ;;
		--status)
			COMPREPLY=($(compgen -W "adopted rejected partly pending" -- "$cur")) ;;
		--corrects)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" decision)" -- "$cur")) ;;
		--to)
			if [[ $cmd == assign ]]; then
				[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" body) $(_samv_principals "$root")" -- "$cur"))
			else
				[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" body)" -- "$cur"))
			fi ;;
		--body|--report-to|--prepares-for|--implements|--escalates-to|--commissioned-by)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" body)" -- "$cur")) ;;
		--decision)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" decision)" -- "$cur")) ;;
		--plan)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" assignment)" -- "$cur")) ;;
		--meeting)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" meeting)" -- "$cur")) ;;
		--due)
			COMPREPLY=($(compgen -W "ongoing recurring" -- "$cur")) ;;
		--role)
			COMPREPLY=($(compgen -W "chair vice-chair first-vice-chair second-vice-chair secretary member substitute adjunct" -- "$cur")) ;;
		--recommend|--principal)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_principals "$root")" -- "$cur")) ;;
		--year)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_years "$root")" -- "$cur")) ;;
		--text-file)
			COMPREPLY=($(compgen -f -- "$cur"))
			[[ -z $cur || - == "$cur"* ]] && COMPREPLY+=(-) ;;
		--type)
			COMPREPLY=($(compgen -W "information decision standing" -- "$cur")) ;;
		--rev)
			COMPREPLY=($(compgen -W "HEAD $(git ${root:+-C "$root"} for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur")) ;;
		--ref)
			[[ -n $root ]] && COMPREPLY=($(compgen -W "$(_samv_ids "$root" decision; _samv_ids "$root" assignment; _samv_ids "$root" meeting)" -- "$cur")) ;;
		--date)
			COMPREPLY=($(compgen -W "${SAMV_TODAY:-$(date +%Y-%m-%d)}" -- "$cur")) ;;
		esac
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
		return
	fi

	# which argument this is: skip the options and their values
	local args=()
	for ((k = first; k < cword; k++)); do
		case ${words[k]} in
		--) ;;
		--*=*) ;;
		-*)
			if [[ ${words[k+1]} == = ]]; then
				((k += 2))
			elif [[ " $valopts " == *" ${words[k]} "* ]]; then
				((k++))
			fi
			;;
		*) args+=("${words[k]}") ;;
		esac
	done
	n=${#args[@]}
	set -- $pos
	((n < $#)) || return
	shift $n
	[[ -n $root ]] || return
	case $1 in
	body)
		COMPREPLY=($(compgen -W "$(_samv_ids "$root" body)" -- "$cur")) ;;
	meeting)
		COMPREPLY=($(compgen -W "$(_samv_ids "$root" meeting)" -- "$cur")) ;;
	decision)
		COMPREPLY=($(compgen -W "$(_samv_ids "$root" decision)" -- "$cur")) ;;
	assignment)
		COMPREPLY=($(compgen -W "$(_samv_ids "$root" assignment)" -- "$cur")) ;;
	status)
		COMPREPLY=($(compgen -W "ongoing done cancelled" -- "$cur")) ;;
	item)
		# the agenda items of the meeting given before it
		COMPREPLY=($(compgen -W "$(_samv_items "$root" "${args[n-1]}")" -- "$cur")) ;;
	date)
		# the dates of the body's meetings (samv agenda new BODY DATE)
		local b=${args[0]} f ds=
		for f in "$root/meetings/$b"/*.yaml; do
			[[ -f $f ]] || continue
			f=${f##*/}
			ds+=" ${f%.yaml}"
		done
		COMPREPLY=($(compgen -W "$ds" -- "$cur")) ;;
	esac
}
complete -F _samv samv
