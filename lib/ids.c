/* ids.c - ids are checked here before they ever become paths */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ids.h"
#include "util.h"

static const char *const kind_names[] = {
	"samv", "body", "meeting", "decision", "assignment"
};

const char *
samv_kind_name(enum samv_kind k)
{
	if (k < 0 || k >= SAMV_KIND_COUNT)
		return NULL;
	return kind_names[k];
}

const char *
samv_kind_folder(enum samv_kind k)
{
	static const char *const folders[] = {
		NULL, "bodies", "meetings", "decisions", "assignments"
	};

	if (k < 0 || k >= SAMV_KIND_COUNT)
		return NULL;
	return folders[k];
}

int
samv_id_is_slug(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 64)
		return 0;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Splits s at '/' into at most max parts; returns the count or -1. */
static int
split(const char *s, const char **part, size_t *len, int max)
{
	int n = 0;
	const char *p = s, *q;

	for (;;) {
		if (n == max)
			return -1;
		q = strchr(p, '/');
		part[n] = p;
		len[n] = q ? (size_t)(q - p) : strlen(p);
		n++;
		if (q == NULL)
			return n;
		p = q + 1;
	}
}

/* YYYY-MM-DD or YYYY-MM-DD-N (N >= 2, no leading zero). */
static int
is_meeting_day(const char *s, size_t n)
{
	char date[11];
	samv_day d;

	if (n < 10)
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (samv_date_parse(date, &d) < 0)
		return 0;
	if (n == 10)
		return 1;
	if (s[10] != '-' || !all_digits(s + 11, n - 11) || s[11] == '0' ||
	    n - 11 > 3)
		return 0;
	return !(n == 12 && s[11] == '1');
}

static int
is_year(const char *s, size_t n)
{
	return n == 4 && all_digits(s, 4) && s[0] != '0';
}

enum samv_kind
samv_path_parse(const char *path, char **id)
{
	const char *part[5];
	size_t len[5], n;
	int np;

	*id = NULL;
	if (strcmp(path, "samv.yaml") == 0) {
		*id = samv_xstrdup("");
		return SAMV_KIND_CONFIG;
	}
	np = split(path, part, len, 5);
	if (np < 2)
		return SAMV_KIND_NONE;
	n = len[np - 1];
	if (n < 6 || memcmp(part[np - 1] + n - 5, ".yaml", 5) != 0)
		return SAMV_KIND_NONE;
	len[np - 1] -= 5;
	if (np == 2 && len[0] == 6 && memcmp(part[0], "bodies", 6) == 0) {
		if (!samv_id_is_slug(part[1], len[1]))
			return SAMV_KIND_NONE;
		*id = samv_xstrndup(part[1], len[1]);
		return SAMV_KIND_BODY;
	}
	if (np == 3 && len[0] == 8 && memcmp(part[0], "meetings", 8) == 0) {
		if (!samv_id_is_slug(part[1], len[1]) ||
		    !is_meeting_day(part[2], len[2]))
			return SAMV_KIND_NONE;
		*id = samv_xjoin(part[1], len[1], '/', part[2], len[2]);
		return SAMV_KIND_MEETING;
	}
	if (np == 4 && len[0] == 9 && memcmp(part[0], "decisions", 9) == 0) {
		long num;

		if (!samv_id_is_slug(part[1], len[1]) ||
		    !is_year(part[2], len[2]) || !all_digits(part[3], len[3]))
			return SAMV_KIND_NONE;
		/* zero-padded to three digits, no more zeros than that */
		if (len[3] < 3 || (len[3] > 3 && part[3][0] == '0') ||
		    len[3] > 6)
			return SAMV_KIND_NONE;
		num = strtol(part[3], NULL, 10);
		if (num < 1)
			return SAMV_KIND_NONE;
		{
			/* body/year/ then the number without its zeros */
			const char *digits = part[3];
			size_t dn = len[3];

			while (dn > 1 && *digits == '0') {
				digits++;
				dn--;
			}
			*id = samv_xjoin(part[1], (size_t)(part[3] - part[1]),
			    0, digits, dn);
		}
		return SAMV_KIND_DECISION;
	}
	if (np == 4 && len[0] == 11 &&
	    memcmp(part[0], "assignments", 11) == 0) {
		if (!samv_id_is_slug(part[1], len[1]) ||
		    !is_year(part[2], len[2]) ||
		    !samv_id_is_slug(part[3], len[3]))
			return SAMV_KIND_NONE;
		/* body/year/slug: the path's own middle, as it stands */
		*id = samv_xstrndup(part[1], (size_t)(part[3] + len[3] -
		    part[1]));
		return SAMV_KIND_ASSIGNMENT;
	}
	return SAMV_KIND_NONE;
}

int
samv_id_canonical(enum samv_kind kind, const char *id, char **out)
{
	const char *part[4];
	size_t len[4];
	int np;

	*out = NULL;
	if (id == NULL || strlen(id) > 200)
		return -1;
	np = split(id, part, len, 4);
	switch (kind) {
	case SAMV_KIND_BODY:
		if (np != 1 || !samv_id_is_slug(part[0], len[0]))
			return -1;
		break;
	case SAMV_KIND_MEETING:
		if (np != 2 || !samv_id_is_slug(part[0], len[0]) ||
		    !is_meeting_day(part[1], len[1]))
			return -1;
		break;
	case SAMV_KIND_DECISION: {
		const char *num = part[2];
		size_t nl = len[2];
		long v;

		if (np != 3 || !samv_id_is_slug(part[0], len[0]) ||
		    !is_year(part[1], len[1]))
			return -1;
		if (nl >= 2 && (unsigned char)num[0] == 0xC2 &&
		    (unsigned char)num[1] == 0xA7) {	/* § */
			num += 2;
			nl -= 2;
		}
		if (!all_digits(num, nl) || nl > 6)
			return -1;
		v = strtol(num, NULL, 10);
		if (v < 1)
			return -1;
		*out = samv_xasprintf("%.*s/%.*s/%ld", (int)len[0], part[0],
		    (int)len[1], part[1], v);
		return 0;
	}
	case SAMV_KIND_ASSIGNMENT:
		if (np != 3 || !samv_id_is_slug(part[0], len[0]) ||
		    !is_year(part[1], len[1]) ||
		    !samv_id_is_slug(part[2], len[2]))
			return -1;
		break;
	default:
		return -1;
	}
	*out = samv_xstrdup(id);
	return 0;
}

char *
samv_id_path(enum samv_kind kind, const char *id)
{
	const char *slash;

	switch (kind) {
	case SAMV_KIND_CONFIG:
		return samv_xstrdup("samv.yaml");
	case SAMV_KIND_BODY:
		return samv_xasprintf("bodies/%s.yaml", id);
	case SAMV_KIND_MEETING:
		return samv_xasprintf("meetings/%s.yaml", id);
	case SAMV_KIND_DECISION:
		slash = strrchr(id, '/');
		if (slash == NULL)
			return NULL;
		return samv_xasprintf("decisions/%.*s/%03ld.yaml",
		    (int)(slash - id), id, strtol(slash + 1, NULL, 10));
	case SAMV_KIND_ASSIGNMENT:
		return samv_xasprintf("assignments/%s.yaml", id);
	default:
		return NULL;
	}
}

char *
samv_id_body(const char *id)
{
	const char *slash = strchr(id, '/');

	return slash ? samv_xstrndup(id, (size_t)(slash - id)) :
	    samv_xstrdup(id);
}
