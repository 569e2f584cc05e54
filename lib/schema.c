/* schema.c - JSON Schema (a draft-07 subset): compile once, validate trees */
#include <locale.h>
#include <math.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "node.h"
#include "date.h"
#include "schema.h"
#include "util.h"

/* JSON types of an instance; an integer is also a number. */
#define T_NULL		0x01u
#define T_BOOL		0x02u
#define T_OBJECT	0x04u
#define T_ARRAY		0x08u
#define T_NUMBER	0x10u
#define T_STRING	0x20u
#define T_INTEGER	0x40u

/* Which keywords a subschema has; the families let validation skip work. */
#define H_MIN_LEN	(1u << 0)
#define H_MAX_LEN	(1u << 1)
#define H_MINIMUM	(1u << 2)
#define H_MAXIMUM	(1u << 3)
#define H_XMIN		(1u << 4)
#define H_XMAX		(1u << 5)
#define H_MULTIPLE	(1u << 6)
#define H_MIN_ITEMS	(1u << 7)
#define H_MAX_ITEMS	(1u << 8)
#define H_MIN_PROPS	(1u << 9)
#define H_MAX_PROPS	(1u << 10)
#define H_ENUM		(1u << 11)
#define H_CONST		(1u << 12)
#define H_STR		(1u << 13)	/* some string keyword */
#define H_NUM		(1u << 14)	/* some number keyword */
#define H_OBJ		(1u << 15)	/* some object keyword */
#define H_ARR		(1u << 16)	/* some array keyword */
#define H_LOGIC		(1u << 17)	/* allOf anyOf oneOf not if */

/* What a one-line description of a subschema cannot say. */
#define H_COMPLEX	(H_NUM | H_OBJ | H_ARR | H_LOGIC | H_MIN_LEN | \
			 H_MAX_LEN)

/* Nesting of schema applications before we call it endless recursion. */
#define MAX_APPLY_DEPTH	512

struct name {
	const char *s;
	size_t len;
};

struct rx {
	regex_t re;
	const char *src;
};

struct sch;

struct prop {
	const char *name;
	size_t len;
	struct sch *s;
};

struct pprop {
	struct rx *rx;
	struct sch *s;
};

struct dep {
	const char *name;
	size_t len;
	struct sch *s;		/* schema form, or NULL */
	struct name *req;	/* array form */
	size_t n_req;
};

/* One compiled subschema; everything lives in the schema's arena. */
struct sch {
	int boolean;		/* -1: a mapping schema; else true/false */
	const char *title;	/* for messages, first letter lowercased */
	const char *example;	/* the first of "examples", if a string */
	struct sch *ref;	/* $ref target: the siblings are ignored */
	unsigned types;		/* T_* bits, 0: any type */
	unsigned has;		/* H_* bits */
	struct samv_node **enums;
	size_t n_enum;
	struct samv_node *konst;
	struct rx *pattern;
	int format_date;
	size_t min_len, max_len, min_items, max_items, min_props, max_props;
	double minimum, maximum, xminimum, xmaximum, multiple;
	const char *minimum_t, *maximum_t, *xminimum_t, *xmaximum_t;
	const char *multiple_t;	/* numbers as written, for messages */
	int unique;
	struct prop *props;	/* sorted by name */
	size_t n_props;
	struct pprop *pprops;
	size_t n_pprops;
	struct sch *addl_props;
	struct name *required;
	size_t n_required;
	struct sch *items;	/* schema form */
	struct sch **tuple;	/* array form */
	size_t n_tuple;
	int tuple_form;
	struct sch *addl_items;
	struct sch *contains;
	struct dep *deps;
	size_t n_deps;
	struct sch *names;	/* propertyNames */
	struct sch **all_of, **any_of, **one_of;
	size_t n_all, n_any, n_one;
	struct sch *neg;	/* not */
	struct sch *if_, *then_, *else_;
};

struct samv_schema {
	struct samv_arena *arena;
	struct sch *root;
	struct rx **rx;		/* for regfree */
	size_t n_rx, cap_rx;
	locale_t cloc;		/* "C": regexes see bytes in any locale */
	const char *title;
};

/* --- regular expressions: ECMA-262 to POSIX ERE over UTF-8 bytes ------ */

/*
 * Character sets are kept as code point ranges and emitted as byte-level
 * alternatives ("([a-z]|\xc3[\xa0-\xbf])"), so that the regex engine
 * runs in the C locale and still matches whole UTF-8 characters.
 */
struct cpset {
	uint32_t (*r)[2];
	size_t n, cap;
};

struct rxin {
	const char *p;
	size_t n, i;
	const char *why;
};

static void
cps_add(struct cpset *s, uint32_t lo, uint32_t hi)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->r = samv_xreallocarray(s->r, s->cap, sizeof(*s->r));
	}
	s->r[s->n][0] = lo;
	s->r[s->n][1] = hi;
	s->n++;
}

static int
rangecmp(const void *pa, const void *pb)
{
	const uint32_t *a = pa, *b = pb;

	return a[0] < b[0] ? -1 : a[0] > b[0];
}

static void
cps_norm(struct cpset *s)
{
	size_t i, j = 0;

	if (s->n == 0)
		return;
	qsort(s->r, s->n, sizeof(*s->r), rangecmp);
	for (i = 1; i < s->n; i++) {
		if (s->r[i][0] <= s->r[j][1] + 1) {
			if (s->r[i][1] > s->r[j][1])
				s->r[j][1] = s->r[i][1];
		} else {
			j++;
			s->r[j][0] = s->r[i][0];
			s->r[j][1] = s->r[i][1];
		}
	}
	s->n = j + 1;
}

/* Complement within U+0001..U+10FFFF (NUL cannot occur in a C string). */
static void
cps_invert(struct cpset *s)
{
	struct cpset t = { NULL, 0, 0 };
	uint32_t next = 1;
	size_t i;

	cps_norm(s);
	for (i = 0; i < s->n; i++) {
		if (s->r[i][0] > next)
			cps_add(&t, next, s->r[i][0] - 1);
		if (s->r[i][1] + 1 > next)
			next = s->r[i][1] + 1;
	}
	if (next <= 0x10FFFF)
		cps_add(&t, next, 0x10FFFF);
	free(s->r);
	*s = t;
}

static void
cps_class(struct cpset *s, char cls)
{
	static const uint32_t space[][2] = {
		{ 0x09, 0x0D }, { 0x20, 0x20 }, { 0xA0, 0xA0 },
		{ 0x1680, 0x1680 }, { 0x2000, 0x200A }, { 0x2028, 0x2029 },
		{ 0x202F, 0x202F }, { 0x205F, 0x205F }, { 0x3000, 0x3000 },
		{ 0xFEFF, 0xFEFF }
	};
	struct cpset t = { NULL, 0, 0 };
	size_t i;

	switch (cls) {
	case 'd':
	case 'D':
		cps_add(&t, '0', '9');
		break;
	case 'w':
	case 'W':
		cps_add(&t, '0', '9');
		cps_add(&t, 'A', 'Z');
		cps_add(&t, '_', '_');
		cps_add(&t, 'a', 'z');
		break;
	default:
		for (i = 0; i < sizeof(space) / sizeof(space[0]); i++)
			cps_add(&t, space[i][0], space[i][1]);
		break;
	}
	if (cls == 'D' || cls == 'W' || cls == 'S')
		cps_invert(&t);
	for (i = 0; i < t.n; i++)
		cps_add(s, t.r[i][0], t.r[i][1]);
	free(t.r);
}

static size_t
utf8_encode(uint32_t cp, unsigned char *b)
{
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | cp >> 6);
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | cp >> 12);
		b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char)(0xF0 | cp >> 18);
	b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	b[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A byte inside [...]: the characters special there as collating symbols. */
static void
bracket_byte(struct samv_buf *o, unsigned char c)
{
	if (c == ']' || c == '-' || c == '^' || c == '[')
		samv_buf_printf(o, "[.%c.]", c);
	else
		samv_buf_putc(o, (char)c);
}

/*
 * Emits [lo, hi] (same UTF-8 length class split off here) as
 * alternatives of byte-range sequences; the utf8-ranges algorithm.
 */
static void
utf8_seq(struct samv_buf *o, uint32_t lo, uint32_t hi, int *alt)
{
	static const uint32_t lim[] = { 0x7F, 0x7FF, 0xFFFF };
	unsigned char a[4], b[4];
	size_t i, n;

	if (lo > hi)
		return;
	for (i = 0; i < 3; i++)
		if (lo <= lim[i] && hi > lim[i]) {
			utf8_seq(o, lo, lim[i], alt);
			utf8_seq(o, lim[i] + 1, hi, alt);
			return;
		}
	n = utf8_encode(lo, a);
	for (i = 1; i < n; i++) {
		uint32_t m = (1u << (6 * i)) - 1;

		if ((lo & ~m) != (hi & ~m)) {
			if ((lo & m) != 0) {
				utf8_seq(o, lo, lo | m, alt);
				utf8_seq(o, (lo | m) + 1, hi, alt);
				return;
			}
			if ((hi & m) != m) {
				utf8_seq(o, lo, (hi & ~m) - 1, alt);
				utf8_seq(o, hi & ~m, hi, alt);
				return;
			}
		}
	}
	utf8_encode(hi, b);
	if (*alt)
		samv_buf_putc(o, '|');
	*alt = 1;
	for (i = 0; i < n; i++) {
		if (a[i] == b[i])
			samv_buf_putc(o, (char)a[i]);
		else
			samv_buf_printf(o, "[%c-%c]", a[i], b[i]);
	}
}

static void
emit_set(struct samv_buf *o, struct cpset *s)
{
	size_t i;
	int ascii = 0, wide = 0, alt = 0;

	cps_norm(s);
	for (i = 0; i < s->n; i++) {
		if (s->r[i][0] < 0x80)
			ascii = 1;
		if (s->r[i][1] >= 0x80)
			wide = 1;
	}
	if (!ascii && !wide) {
		/* Matches nothing: every byte of a C string is in 1..255. */
		samv_buf_puts(o, "[^\x01-\xff]");
		return;
	}
	if (wide)
		samv_buf_putc(o, '(');
	if (ascii) {
		samv_buf_putc(o, '[');
		for (i = 0; i < s->n && s->r[i][0] < 0x80; i++) {
			uint32_t hi = s->r[i][1] < 0x80 ? s->r[i][1] : 0x7F;

			bracket_byte(o, (unsigned char)s->r[i][0]);
			if (hi != s->r[i][0]) {
				samv_buf_putc(o, '-');
				bracket_byte(o, (unsigned char)hi);
			}
		}
		samv_buf_putc(o, ']');
		alt = 1;
	}
	for (i = 0; i < s->n; i++) {
		uint32_t lo = s->r[i][0] < 0x80 ? 0x80 : s->r[i][0];
		uint32_t hi = s->r[i][1];

		if (hi < lo)
			continue;
		/* Surrogates are no characters in UTF-8. */
		if (lo < 0xD800 && hi >= 0xD800)
			utf8_seq(o, lo, 0xD7FF, &alt);
		if (hi > 0xDFFF && lo <= 0xDFFF)
			utf8_seq(o, 0xE000, hi, &alt);
		if (hi < 0xD800 || lo > 0xDFFF)
			utf8_seq(o, lo, hi, &alt);
	}
	if (wide)
		samv_buf_putc(o, ')');
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
read_hex(struct rxin *in, size_t digits, uint32_t *out)
{
	uint32_t v = 0;
	size_t k;

	if (in->n - in->i < digits)
		goto bad;
	for (k = 0; k < digits; k++) {
		int h = hexval(in->p[in->i + k]);

		if (h < 0)
			goto bad;
		v = v * 16 + (uint32_t)h;
	}
	in->i += digits;
	*out = v;
	return 0;
bad:
	in->why = "malformed \\x or \\u escape";
	return -1;
}

/* One UTF-8 encoded code point of the pattern itself. */
static int
read_cp(struct rxin *in, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)in->p + in->i;
	size_t left = in->n - in->i, n, k;
	uint32_t v;

	if (p[0] < 0x80) {
		n = 1;
		v = p[0];
	} else if ((p[0] & 0xE0) == 0xC0) {
		n = 2;
		v = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3;
		v = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4;
		v = p[0] & 0x07;
	} else
		goto bad;
	if (n > left)
		goto bad;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			goto bad;
		v = v << 6 | (p[k] & 0x3F);
	}
	if (v == 0) {
		in->why = "NUL cannot be matched";
		return -1;
	}
	in->i += n;
	*cp = v;
	return 0;
bad:
	in->why = "invalid UTF-8";
	return -1;
}

/*
 * An escape; in->i is just after the backslash. Sets *cls to one of
 * dDwWsSbB for a class or an assertion, else 0 and *cp.
 */
static int
parse_escape(struct rxin *in, int in_class, uint32_t *cp, char *cls)
{
	char c;
	uint32_t lo;

	*cls = 0;
	if (in->i >= in->n) {
		in->why = "trailing backslash";
		return -1;
	}
	c = in->p[in->i++];
	switch (c) {
	case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
		*cls = c;
		return 0;
	case 'b':
		if (in_class)
			*cp = 0x08;
		else
			*cls = 'b';
		return 0;
	case 'B':
		if (in_class)
			break;
		*cls = 'B';
		return 0;
	case 'n':
		*cp = '\n';
		return 0;
	case 'r':
		*cp = '\r';
		return 0;
	case 't':
		*cp = '\t';
		return 0;
	case 'f':
		*cp = '\f';
		return 0;
	case 'v':
		*cp = '\v';
		return 0;
	case '0':
		in->why = "NUL and octal escapes are not supported";
		return -1;
	case '1': case '2': case '3': case '4': case '5':
	case '6': case '7': case '8': case '9':
	case 'k':
		in->why = "backreferences are not supported";
		return -1;
	case 'p':
	case 'P':
		in->why = "Unicode property escapes are not supported";
		return -1;
	case 'x':
		if (read_hex(in, 2, cp) < 0)
			return -1;
		goto check;
	case 'u':
		if (in->i < in->n && in->p[in->i] == '{') {
			in->why = "\\u{...} escapes are not supported";
			return -1;
		}
		if (read_hex(in, 4, cp) < 0)
			return -1;
		if (*cp >= 0xD800 && *cp <= 0xDBFF && in->n - in->i >= 6 &&
		    in->p[in->i] == '\\' && in->p[in->i + 1] == 'u') {
			size_t save = in->i;

			in->i += 2;
			if (read_hex(in, 4, &lo) == 0 && lo >= 0xDC00 &&
			    lo <= 0xDFFF) {
				*cp = 0x10000 + ((*cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				return 0;
			}
			in->i = save;
		}
		goto check;
	case 'c':
		if (in->i < in->n && ((in->p[in->i] >= 'a' &&
		    in->p[in->i] <= 'z') || (in->p[in->i] >= 'A' &&
		    in->p[in->i] <= 'Z'))) {
			*cp = (uint32_t)in->p[in->i++] % 32;
			return 0;
		}
		break;
	default:
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			break;
		/* An escaped punctuation or non-ASCII character is itself. */
		in->i--;
		return read_cp(in, cp);
	}
	in->why = "unknown escape";
	return -1;
check:
	if (*cp == 0) {
		in->why = "NUL cannot be matched";
		return -1;
	}
	if (*cp >= 0xD800 && *cp <= 0xDFFF) {
		in->why = "lone surrogate";
		return -1;
	}
	return 0;
}

static int
class_atom(struct rxin *in, uint32_t *cp, char *cls)
{
	*cls = 0;
	if (in->p[in->i] == '\\') {
		in->i++;
		return parse_escape(in, 1, cp, cls);
	}
	return read_cp(in, cp);
}

/* [...]; in->i is just after the '['. */
static int
parse_class(struct rxin *in, struct samv_buf *o)
{
	struct cpset set = { NULL, 0, 0 };
	int neg = 0, rc = -1;
	uint32_t lo, hi;
	char cls, cls2;

	if (in->i < in->n && in->p[in->i] == '^') {
		neg = 1;
		in->i++;
	}
	for (;;) {
		if (in->i >= in->n) {
			in->why = "unterminated [";
			goto done;
		}
		if (in->p[in->i] == ']') {
			in->i++;
			break;
		}
		if (class_atom(in, &lo, &cls) < 0)
			goto done;
		if (cls == 0 && in->n - in->i >= 2 && in->p[in->i] == '-' &&
		    in->p[in->i + 1] != ']') {
			in->i++;
			if (class_atom(in, &hi, &cls2) < 0)
				goto done;
			if (cls2 != 0) {
				/* [a-\d]: ECMA reads the '-' literally. */
				cps_add(&set, lo, lo);
				cps_add(&set, '-', '-');
				cps_class(&set, cls2);
				continue;
			}
			if (lo > hi) {
				in->why = "range out of order in [ ]";
				goto done;
			}
			cps_add(&set, lo, hi);
			continue;
		}
		if (cls != 0)
			cps_class(&set, cls);
		else
			cps_add(&set, lo, lo);
	}
	if (neg)
		cps_invert(&set);
	emit_set(o, &set);
	rc = 0;
done:
	free(set.r);
	return rc;
}

static void
emit_literal(struct samv_buf *o, uint32_t cp)
{
	unsigned char b[4];
	size_t n;

	if (cp < 0x80) {
		if (strchr(".[{()*+?^$|\\", (int)cp) != NULL)
			samv_buf_putc(o, '\\');
		samv_buf_putc(o, (char)cp);
		return;
	}
	/* Grouped so that a quantifier applies to the whole character. */
	n = utf8_encode(cp, b);
	samv_buf_putc(o, '(');
	samv_buf_add(o, (const char *)b, n);
	samv_buf_putc(o, ')');
}

/* ECMA's '.': any character but a line terminator. */
static void
emit_dot(struct samv_buf *o)
{
	struct cpset s = { NULL, 0, 0 };

	cps_add(&s, 0x01, 0x09);
	cps_add(&s, 0x0B, 0x0C);
	cps_add(&s, 0x0E, 0x2027);
	cps_add(&s, 0x202A, 0x10FFFF);
	emit_set(o, &s);
	free(s.r);
}

/* {n}, {n,} or {n,m} at in->i; its length, or 0 if '{' is literal. */
static size_t
quantifier_len(const struct rxin *in)
{
	size_t j = in->i + 1, d;

	for (d = j; j < in->n && in->p[j] >= '0' && in->p[j] <= '9'; j++)
		;
	if (j == d)
		return 0;
	if (j < in->n && in->p[j] == ',')
		for (j++; j < in->n && in->p[j] >= '0' && in->p[j] <= '9'; j++)
			;
	if (j >= in->n || in->p[j] != '}')
		return 0;
	return j + 1 - in->i;
}

static int
ecma_to_ere(const char *p, size_t n, struct samv_buf *o, const char **why)
{
	struct rxin in = { p, n, 0, NULL };
	struct cpset set;
	uint32_t cp;
	size_t q;
	char cls;

	while (in.i < n) {
		switch (p[in.i]) {
		case '\\':
			in.i++;
			if (parse_escape(&in, 0, &cp, &cls) < 0)
				goto fail;
			if (cls == 'b' || cls == 'B') {
				/* GNU word boundaries, ASCII as in ECMA */
				samv_buf_putc(o, '\\');
				samv_buf_putc(o, cls);
			} else if (cls != 0) {
				memset(&set, 0, sizeof(set));
				cps_class(&set, cls);
				emit_set(o, &set);
				free(set.r);
			} else
				emit_literal(o, cp);
			break;
		case '[':
			in.i++;
			if (parse_class(&in, o) < 0)
				goto fail;
			break;
		case '(':
			in.i++;
			if (in.i < n && p[in.i] == '?') {
				if (in.i + 1 < n && p[in.i + 1] == ':')
					in.i += 2;
				else {
					in.why = "lookaround and named groups "
					    "are not supported";
					goto fail;
				}
			}
			samv_buf_putc(o, '(');
			break;
		case ')':
		case '|':
		case '^':
		case '$':
			samv_buf_putc(o, p[in.i++]);
			break;
		case '.':
			in.i++;
			emit_dot(o);
			break;
		case '*':
		case '+':
		case '?':
			samv_buf_putc(o, p[in.i++]);
			goto lazy;
		case '{':
			if ((q = quantifier_len(&in)) == 0) {
				samv_buf_puts(o, "\\{");
				in.i++;
				break;
			}
			samv_buf_add(o, p + in.i, q);
			in.i += q;
		lazy:
			/* A lazy quantifier matches the same set of strings. */
			if (in.i < n && p[in.i] == '?')
				in.i++;
			break;
		default:
			if (read_cp(&in, &cp) < 0)
				goto fail;
			emit_literal(o, cp);
			break;
		}
	}
	return 0;
fail:
	*why = in.why ? in.why : "syntax error";
	return -1;
}

static int
rx_match(const struct samv_schema *s, const struct rx *rx, const char *str,
    size_t len)
{
	locale_t old = (locale_t)0;
	regmatch_t m[1];
	int rc, flags = 0;

	m[0].rm_so = 0;
	m[0].rm_eo = (regoff_t)len;
#ifdef REG_STARTEND
	/* A quoted "\0" in the instance must not end the subject early. */
	flags |= REG_STARTEND;
#else
	(void)len;
#endif
	if (s->cloc != (locale_t)0)
		old = uselocale(s->cloc);
	rc = regexec(&rx->re, str, 1, m, flags);
	if (s->cloc != (locale_t)0)
		uselocale(old);
	return rc == 0;
}

/* --- compiling ------------------------------------------------------- */

enum kw {
	K_SCHEMA, K_ID, K_REF, K_COMMENT, K_DEFINITIONS, K_TITLE,
	K_DESCRIPTION, K_EXAMPLES, K_DEFAULT, K_READONLY, K_WRITEONLY,
	K_TYPE, K_PROPERTIES, K_REQUIRED, K_ADDL_PROPS, K_PATTERN_PROPS,
	K_ITEMS, K_ADDL_ITEMS, K_CONTAINS, K_ENUM, K_CONST, K_PATTERN,
	K_FORMAT, K_MIN_LEN, K_MAX_LEN, K_MINIMUM, K_MAXIMUM, K_XMIN, K_XMAX,
	K_MULTIPLE, K_MIN_ITEMS, K_MAX_ITEMS, K_UNIQUE, K_MIN_PROPS,
	K_MAX_PROPS, K_ANY_OF, K_ONE_OF, K_ALL_OF, K_NOT, K_DEPENDENCIES,
	K_PROPERTY_NAMES, K_IF, K_THEN, K_ELSE
};

static const struct {
	const char *name;
	enum kw id;
} keywords[] = {
	{ "$schema", K_SCHEMA }, { "$id", K_ID }, { "$ref", K_REF },
	{ "$comment", K_COMMENT }, { "definitions", K_DEFINITIONS },
	{ "title", K_TITLE }, { "description", K_DESCRIPTION },
	{ "examples", K_EXAMPLES }, { "default", K_DEFAULT },
	{ "readOnly", K_READONLY }, { "writeOnly", K_WRITEONLY },
	{ "type", K_TYPE }, { "properties", K_PROPERTIES },
	{ "required", K_REQUIRED },
	{ "additionalProperties", K_ADDL_PROPS },
	{ "patternProperties", K_PATTERN_PROPS }, { "items", K_ITEMS },
	{ "additionalItems", K_ADDL_ITEMS }, { "contains", K_CONTAINS },
	{ "enum", K_ENUM }, { "const", K_CONST }, { "pattern", K_PATTERN },
	{ "format", K_FORMAT }, { "minLength", K_MIN_LEN },
	{ "maxLength", K_MAX_LEN }, { "minimum", K_MINIMUM },
	{ "maximum", K_MAXIMUM }, { "exclusiveMinimum", K_XMIN },
	{ "exclusiveMaximum", K_XMAX }, { "multipleOf", K_MULTIPLE },
	{ "minItems", K_MIN_ITEMS }, { "maxItems", K_MAX_ITEMS },
	{ "uniqueItems", K_UNIQUE }, { "minProperties", K_MIN_PROPS },
	{ "maxProperties", K_MAX_PROPS }, { "anyOf", K_ANY_OF },
	{ "oneOf", K_ONE_OF }, { "allOf", K_ALL_OF }, { "not", K_NOT },
	{ "dependencies", K_DEPENDENCIES },
	{ "propertyNames", K_PROPERTY_NAMES }, { "if", K_IF },
	{ "then", K_THEN }, { "else", K_ELSE }
};

static const struct {
	const char *name;
	unsigned bits;
} type_names[] = {
	{ "null", T_NULL }, { "boolean", T_BOOL }, { "object", T_OBJECT },
	{ "array", T_ARRAY }, { "number", T_NUMBER }, { "string", T_STRING },
	{ "integer", T_INTEGER }
};

struct seen {
	const struct samv_node *n;
	struct sch *s;
};

struct pending {
	struct sch *s;
	const struct samv_node *ref;	/* the $ref value */
};

struct cctx {
	struct samv_schema *s;
	const struct samv_doc *doc;
	const struct samv_node *root;
	const struct samv_schema_options *opt;
	struct samv_diags *d;
	int failed;
	struct seen *seen;	/* open addressing: schema node -> compiled */
	size_t n_seen, cap_seen;
	struct pending *pend;
	size_t n_pend, cap_pend;
};

static void cerr(struct cctx *cc, const struct samv_node *at,
    const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
cerr(struct cctx *cc, const struct samv_node *at, const char *rule,
    const char *fmt, ...)
{
	va_list ap;

	cc->failed = 1;
	if (cc->d == NULL)
		return;
	va_start(ap, fmt);
	samv_diags_vadd(cc->d, cc->doc ? cc->doc->path : NULL,
	    at ? at->span.line : 0, at ? at->span.col : 0, SAMV_ERROR, rule,
	    fmt, ap);
	va_end(ap);
}

static size_t
ptr_hash(const void *p, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL;

	return (size_t)(h >> 17) & (cap - 1);
}

static struct sch *
seen_get(const struct cctx *cc, const struct samv_node *n)
{
	size_t h;

	if (cc->cap_seen == 0)
		return NULL;
	for (h = ptr_hash(n, cc->cap_seen); cc->seen[h].n != NULL;
	    h = (h + 1) & (cc->cap_seen - 1))
		if (cc->seen[h].n == n)
			return cc->seen[h].s;
	return NULL;
}

static void
seen_put(struct cctx *cc, const struct samv_node *n, struct sch *s)
{
	size_t h, i;

	if (2 * (cc->n_seen + 1) > cc->cap_seen) {
		struct seen *old = cc->seen;
		size_t oldcap = cc->cap_seen;

		cc->cap_seen = oldcap ? oldcap * 2 : 64;
		cc->seen = samv_xcalloc(cc->cap_seen, sizeof(*cc->seen));
		cc->n_seen = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].n != NULL)
				seen_put(cc, old[i].n, old[i].s);
		free(old);
	}
	for (h = ptr_hash(n, cc->cap_seen); cc->seen[h].n != NULL;
	    h = (h + 1) & (cc->cap_seen - 1))
		;
	cc->seen[h].n = n;
	cc->seen[h].s = s;
	cc->n_seen++;
}

static const char *
json_kind(const struct samv_node *n)
{
	if (n->kind == SAMV_NODE_MAP)
		return "a mapping";
	if (n->kind == SAMV_NODE_SEQ)
		return "a list";
	switch (samv_node_type(n)) {
	case SAMV_TYPE_NULL:
		return "empty";
	case SAMV_TYPE_BOOL:
		return n->str[0] == 't' ? "true" : "false";
	case SAMV_TYPE_INT:
		return "an integer";
	case SAMV_TYPE_FLOAT:
		return "a number";
	default:
		return "a string";
	}
}

static int
is_string(const struct samv_node *n)
{
	return n->kind == SAMV_NODE_SCALAR &&
	    samv_node_type(n) == SAMV_TYPE_STRING;
}

/*
 * Number helpers without libm (the build links no -lm): every double
 * of magnitude 2^52 or more is a whole number.
 */
static double
dabs(double x)
{
	return x < 0 ? -x : x;
}

static int
is_integral(double x)
{
	if (!isfinite(x))
		return 0;
	if (dabs(x) >= 4503599627370496.0)
		return 1;
	return x == (double)(long long)x;
}

static double
nearest(double x)
{
	if (dabs(x) >= 4503599627370496.0)
		return x;
	return (double)(long long)(x + (x < 0 ? -0.5 : 0.5));
}

static int
get_count(struct cctx *cc, const struct samv_node *v, const char *kw,
    size_t *out)
{
	double x;

	if (samv_node_number(v, &x) != 0 || x < 0 || !is_integral(x)) {
		cerr(cc, v, "schema-invalid",
		    "'%s' must be a non-negative integer", kw);
		return -1;
	}
	*out = x >= (double)SIZE_MAX ? SIZE_MAX : (size_t)x;
	return 0;
}

static int
get_number(struct cctx *cc, const struct samv_node *v, const char *kw,
    double *out, const char **text)
{
	if (samv_node_number(v, out) != 0) {
		cerr(cc, v, "schema-invalid", "'%s' must be a number", kw);
		return -1;
	}
	*text = samv_arena_strndup(cc->s->arena, v->str, v->len);
	return 0;
}

static int
get_bool(struct cctx *cc, const struct samv_node *v, const char *kw)
{
	int b = samv_node_bool(v);

	if (b < 0)
		cerr(cc, v, "schema-invalid", "'%s' must be true or false", kw);
	return b;
}

static int
want_string(struct cctx *cc, const struct samv_node *v, const char *kw)
{
	if (is_string(v))
		return 0;
	cerr(cc, v, "schema-invalid", "'%s' must be a string", kw);
	return -1;
}

static struct rx *
rx_compile(struct cctx *cc, const struct samv_node *at, const char *src,
    size_t len)
{
	struct samv_buf ere = SAMV_BUF_INIT;
	struct samv_schema *s = cc->s;
	struct rx *rx = NULL;
	const char *why = NULL;
	locale_t old = (locale_t)0;
	char msg[160];
	int rc;

	if (memchr(src, '\0', len) != NULL) {
		why = "NUL cannot be matched";
		goto unsupported;
	}
	if (ecma_to_ere(src, len, &ere, &why) < 0)
		goto unsupported;
	rx = samv_arena_alloc(s->arena, sizeof(*rx));
	if (s->cloc != (locale_t)0)
		old = uselocale(s->cloc);
	rc = regcomp(&rx->re, samv_buf_cstr(&ere), REG_EXTENDED | REG_NOSUB);
	if (s->cloc != (locale_t)0)
		uselocale(old);
	if (rc != 0) {
		regerror(rc, &rx->re, msg, sizeof(msg));
		cerr(cc, at, "schema-pattern",
		    "invalid regular expression '%s': %s", src, msg);
		rx = NULL;
		goto done;
	}
	rx->src = samv_arena_strndup(s->arena, src, len);
	if (s->n_rx == s->cap_rx) {
		s->cap_rx = s->cap_rx ? s->cap_rx * 2 : 8;
		s->rx = samv_xreallocarray(s->rx, s->cap_rx, sizeof(*s->rx));
	}
	s->rx[s->n_rx++] = rx;
	goto done;
unsupported:
	cerr(cc, at, "schema-pattern",
	    "unsupported regular expression '%s': %s", src, why);
done:
	samv_buf_release(&ere);
	return rx;
}

static struct sch *compile_schema(struct cctx *, const struct samv_node *,
    int);

/* An array of subschemas, non-empty when nonempty is set. */
static struct sch **
compile_list(struct cctx *cc, const struct samv_node *v, const char *kw,
    int nested, int nonempty, size_t *n)
{
	struct sch **list;
	size_t i;

	*n = 0;
	if (v->kind != SAMV_NODE_SEQ || (nonempty && v->n_items == 0)) {
		cerr(cc, v, "schema-invalid",
		    "'%s' must be a %slist of schemas", kw,
		    nonempty ? "non-empty " : "");
		return NULL;
	}
	list = samv_arena_alloc(cc->s->arena,
	    (v->n_items ? v->n_items : 1) * sizeof(*list));
	for (i = 0; i < v->n_items; i++)
		list[i] = compile_schema(cc, v->items[i], nested);
	*n = v->n_items;
	return list;
}

static int
propcmp(const void *pa, const void *pb)
{
	const struct prop *a = pa, *b = pb;
	size_t m = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->name, b->name, m);

	if (c != 0)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

static struct name *
compile_names(struct cctx *cc, const struct samv_node *v, const char *kw,
    size_t *n)
{
	struct name *list;
	size_t i;

	*n = 0;
	if (v->kind != SAMV_NODE_SEQ) {
		cerr(cc, v, "schema-invalid", "'%s' must be a list of strings",
		    kw);
		return NULL;
	}
	list = samv_arena_alloc(cc->s->arena,
	    (v->n_items ? v->n_items : 1) * sizeof(*list));
	for (i = 0; i < v->n_items; i++) {
		if (want_string(cc, v->items[i], kw) < 0)
			return NULL;
		list[i].s = samv_arena_strndup(cc->s->arena, v->items[i]->str,
		    v->items[i]->len);
		list[i].len = v->items[i]->len;
	}
	*n = v->n_items;
	return list;
}

static int
is_draft7_uri(const char *u)
{
	static const char *const ok[] = {
		"http://json-schema.org/draft-07/schema#",
		"http://json-schema.org/draft-07/schema",
		"https://json-schema.org/draft-07/schema#",
		"https://json-schema.org/draft-07/schema"
	};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(u, ok[i]) == 0)
			return 1;
	return 0;
}

static void
compile_type(struct cctx *cc, struct sch *s, const struct samv_node *v)
{
	const struct samv_node *one;
	size_t i, j, n;

	n = v->kind == SAMV_NODE_SEQ ? v->n_items : 1;
	if (v->kind == SAMV_NODE_MAP || n == 0)
		goto bad;
	for (i = 0; i < n; i++) {
		unsigned bits = 0;

		one = v->kind == SAMV_NODE_SEQ ? v->items[i] : v;
		if (!is_string(one))
			goto bad;
		for (j = 0; j < sizeof(type_names) / sizeof(type_names[0]); j++)
			if (strcmp(one->str, type_names[j].name) == 0)
				bits = type_names[j].bits;
		if (bits == 0) {
			cerr(cc, one, "schema-invalid", "unknown type '%s'",
			    one->str);
			continue;
		}
		if (s->types & bits)
			cerr(cc, one, "schema-invalid", "type '%s' given twice",
			    one->str);
		s->types |= bits;
	}
	return;
bad:
	cerr(cc, v, "schema-invalid",
	    "'type' must be a type name or a non-empty list of them");
}

static void
compile_ref(struct cctx *cc, struct sch *s, const struct samv_node *v,
    int nested)
{
	if (want_string(cc, v, "$ref") < 0)
		return;
	if (nested || (strcmp(v->str, "#") != 0 &&
	    strncmp(v->str, "#/", 2) != 0)) {
		cerr(cc, v, "schema-ref", "unsupported $ref '%s'%s", v->str,
		    nested ? " (below a nested $id)" :
		    " (only local references like #/definitions/name)");
		return;
	}
	if (cc->n_pend == cc->cap_pend) {
		cc->cap_pend = cc->cap_pend ? cc->cap_pend * 2 : 16;
		cc->pend = samv_xreallocarray(cc->pend, cc->cap_pend,
		    sizeof(*cc->pend));
	}
	cc->pend[cc->n_pend].s = s;
	cc->pend[cc->n_pend].ref = v;
	cc->n_pend++;
}

static void
compile_properties(struct cctx *cc, struct sch *s, const struct samv_node *v,
    int nested)
{
	struct samv_arena *a = cc->s->arena;
	size_t i;

	if (v->kind != SAMV_NODE_MAP) {
		cerr(cc, v, "schema-invalid",
		    "'properties' must be a mapping of schemas");
		return;
	}
	s->props = samv_arena_alloc(a, (v->n_pairs ? v->n_pairs : 1) *
	    sizeof(*s->props));
	for (i = 0; i < v->n_pairs; i++) {
		const struct samv_node *k = v->pairs[i].key;

		s->props[i].name = samv_arena_strndup(a, k->str, k->len);
		s->props[i].len = k->len;
		s->props[i].s = compile_schema(cc, v->pairs[i].value, nested);
	}
	s->n_props = v->n_pairs;
	qsort(s->props, s->n_props, sizeof(*s->props), propcmp);
}

static void
compile_pattern_props(struct cctx *cc, struct sch *s,
    const struct samv_node *v, int nested)
{
	size_t i;

	if (v->kind != SAMV_NODE_MAP) {
		cerr(cc, v, "schema-invalid",
		    "'patternProperties' must be a mapping of schemas");
		return;
	}
	s->pprops = samv_arena_alloc(cc->s->arena,
	    (v->n_pairs ? v->n_pairs : 1) * sizeof(*s->pprops));
	for (i = 0; i < v->n_pairs; i++) {
		const struct samv_node *k = v->pairs[i].key;

		s->pprops[i].rx = rx_compile(cc, k, k->str, k->len);
		s->pprops[i].s = compile_schema(cc, v->pairs[i].value, nested);
	}
	s->n_pprops = v->n_pairs;
}

static void
compile_dependencies(struct cctx *cc, struct sch *s,
    const struct samv_node *v, int nested)
{
	struct samv_arena *a = cc->s->arena;
	size_t i;

	if (v->kind != SAMV_NODE_MAP) {
		cerr(cc, v, "schema-invalid",
		    "'dependencies' must be a mapping");
		return;
	}
	s->deps = samv_arena_alloc(a, (v->n_pairs ? v->n_pairs : 1) *
	    sizeof(*s->deps));
	for (i = 0; i < v->n_pairs; i++) {
		const struct samv_node *k = v->pairs[i].key;
		const struct samv_node *dv = v->pairs[i].value;
		struct dep *dp = &s->deps[i];

		dp->name = samv_arena_strndup(a, k->str, k->len);
		dp->len = k->len;
		if (dv->kind == SAMV_NODE_SEQ)
			dp->req = compile_names(cc, dv, "dependencies",
			    &dp->n_req);
		else
			dp->s = compile_schema(cc, dv, nested);
	}
	s->n_deps = v->n_pairs;
}

static void
set_title(struct cctx *cc, struct sch *s, const struct samv_node *v)
{
	char *t;

	if (want_string(cc, v, "title") < 0)
		return;
	t = samv_arena_strndup(cc->s->arena, v->str, v->len);
	/* "Meeting" reads as "in meeting" in a message; keep "RJH list". */
	if (t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))
		t[0] = (char)(t[0] - 'A' + 'a');
	s->title = t;
}

static void
compile_keyword(struct cctx *cc, struct sch *s, const struct samv_node *node,
    const struct samv_pair *pr, int nested)
{
	const struct samv_node *k = pr->key, *v = pr->value;
	struct samv_arena *a = cc->s->arena;
	const char *kw = k->str;
	size_t i;
	int b;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strlen(keywords[i].name) == k->len &&
		    memcmp(keywords[i].name, k->str, k->len) == 0)
			break;
	if (i == sizeof(keywords) / sizeof(keywords[0])) {
		cerr(cc, k, "schema-keyword", "unsupported schema keyword '%s'",
		    kw);
		return;
	}
	if (cc->opt != NULL && cc->opt->keyword != NULL &&
	    cc->opt->keyword(cc->doc, node, pr, cc->d, cc->opt->arg) != 0)
		cc->failed = 1;

	switch (keywords[i].id) {
	case K_SCHEMA:
		if (want_string(cc, v, kw) == 0 && !is_draft7_uri(v->str))
			cerr(cc, v, "schema-keyword",
			    "unsupported $schema '%s' (samv implements "
			    "draft-07)", v->str);
		break;
	case K_ID:
	case K_COMMENT:
	case K_DESCRIPTION:
		want_string(cc, v, kw);
		break;
	case K_TITLE:
		set_title(cc, s, v);
		break;
	case K_EXAMPLES:
		if (v->kind != SAMV_NODE_SEQ) {
			cerr(cc, v, "schema-invalid",
			    "'examples' must be a list");
			break;
		}
		if (v->n_items > 0 && is_string(v->items[0]))
			s->example = samv_arena_strndup(a, v->items[0]->str,
			    v->items[0]->len);
		break;
	case K_DEFAULT:
		break;
	case K_READONLY:
	case K_WRITEONLY:
		get_bool(cc, v, kw);
		break;
	case K_REF:
		compile_ref(cc, s, v, nested);
		break;
	case K_DEFINITIONS:
		if (v->kind != SAMV_NODE_MAP) {
			cerr(cc, v, "schema-invalid",
			    "'definitions' must be a mapping of schemas");
			break;
		}
		for (i = 0; i < v->n_pairs; i++)
			compile_schema(cc, v->pairs[i].value, nested);
		break;
	case K_TYPE:
		compile_type(cc, s, v);
		break;
	case K_PROPERTIES:
		compile_properties(cc, s, v, nested);
		s->has |= H_OBJ;
		break;
	case K_REQUIRED:
		s->required = compile_names(cc, v, kw, &s->n_required);
		s->has |= H_OBJ;
		break;
	case K_ADDL_PROPS:
		s->addl_props = compile_schema(cc, v, nested);
		s->has |= H_OBJ;
		break;
	case K_PATTERN_PROPS:
		compile_pattern_props(cc, s, v, nested);
		s->has |= H_OBJ;
		break;
	case K_ITEMS:
		if (v->kind == SAMV_NODE_SEQ) {
			s->tuple = compile_list(cc, v, kw, nested, 0,
			    &s->n_tuple);
			s->tuple_form = 1;
		} else
			s->items = compile_schema(cc, v, nested);
		s->has |= H_ARR;
		break;
	case K_ADDL_ITEMS:
		s->addl_items = compile_schema(cc, v, nested);
		s->has |= H_ARR;
		break;
	case K_CONTAINS:
		s->contains = compile_schema(cc, v, nested);
		s->has |= H_ARR;
		break;
	case K_ENUM:
		if (v->kind != SAMV_NODE_SEQ) {
			cerr(cc, v, "schema-invalid", "'enum' must be a list");
			break;
		}
		s->enums = samv_arena_alloc(a, (v->n_items ? v->n_items : 1) *
		    sizeof(*s->enums));
		for (i = 0; i < v->n_items; i++)
			s->enums[i] = samv_node_copy(a, v->items[i]);
		s->n_enum = v->n_items;
		s->has |= H_ENUM;
		break;
	case K_CONST:
		s->konst = samv_node_copy(a, v);
		s->has |= H_CONST;
		break;
	case K_PATTERN:
		if (want_string(cc, v, kw) < 0)
			break;
		s->pattern = rx_compile(cc, v, v->str, v->len);
		s->has |= H_STR;
		break;
	case K_FORMAT:
		/* Only "date" is checked; other formats are annotations. */
		if (want_string(cc, v, kw) == 0 &&
		    strcmp(v->str, "date") == 0) {
			s->format_date = 1;
			s->has |= H_STR;
		}
		break;
	case K_MIN_LEN:
		if (get_count(cc, v, kw, &s->min_len) == 0)
			s->has |= H_MIN_LEN | H_STR;
		break;
	case K_MAX_LEN:
		if (get_count(cc, v, kw, &s->max_len) == 0)
			s->has |= H_MAX_LEN | H_STR;
		break;
	case K_MINIMUM:
		if (get_number(cc, v, kw, &s->minimum, &s->minimum_t) == 0)
			s->has |= H_MINIMUM | H_NUM;
		break;
	case K_MAXIMUM:
		if (get_number(cc, v, kw, &s->maximum, &s->maximum_t) == 0)
			s->has |= H_MAXIMUM | H_NUM;
		break;
	case K_XMIN:
		if (get_number(cc, v, kw, &s->xminimum, &s->xminimum_t) == 0)
			s->has |= H_XMIN | H_NUM;
		break;
	case K_XMAX:
		if (get_number(cc, v, kw, &s->xmaximum, &s->xmaximum_t) == 0)
			s->has |= H_XMAX | H_NUM;
		break;
	case K_MULTIPLE:
		if (get_number(cc, v, kw, &s->multiple, &s->multiple_t) < 0)
			break;
		if (!(s->multiple > 0) || !isfinite(s->multiple)) {
			cerr(cc, v, "schema-invalid",
			    "'multipleOf' must be greater than 0");
			break;
		}
		s->has |= H_MULTIPLE | H_NUM;
		break;
	case K_MIN_ITEMS:
		if (get_count(cc, v, kw, &s->min_items) == 0)
			s->has |= H_MIN_ITEMS | H_ARR;
		break;
	case K_MAX_ITEMS:
		if (get_count(cc, v, kw, &s->max_items) == 0)
			s->has |= H_MAX_ITEMS | H_ARR;
		break;
	case K_UNIQUE:
		if ((b = get_bool(cc, v, kw)) > 0) {
			s->unique = 1;
			s->has |= H_ARR;
		}
		break;
	case K_MIN_PROPS:
		if (get_count(cc, v, kw, &s->min_props) == 0)
			s->has |= H_MIN_PROPS | H_OBJ;
		break;
	case K_MAX_PROPS:
		if (get_count(cc, v, kw, &s->max_props) == 0)
			s->has |= H_MAX_PROPS | H_OBJ;
		break;
	case K_ANY_OF:
		s->any_of = compile_list(cc, v, kw, nested, 1, &s->n_any);
		s->has |= H_LOGIC;
		break;
	case K_ONE_OF:
		s->one_of = compile_list(cc, v, kw, nested, 1, &s->n_one);
		s->has |= H_LOGIC;
		break;
	case K_ALL_OF:
		s->all_of = compile_list(cc, v, kw, nested, 1, &s->n_all);
		s->has |= H_LOGIC;
		break;
	case K_NOT:
		s->neg = compile_schema(cc, v, nested);
		s->has |= H_LOGIC;
		break;
	case K_DEPENDENCIES:
		compile_dependencies(cc, s, v, nested);
		s->has |= H_OBJ;
		break;
	case K_PROPERTY_NAMES:
		s->names = compile_schema(cc, v, nested);
		s->has |= H_OBJ;
		break;
	case K_IF:
		s->if_ = compile_schema(cc, v, nested);
		s->has |= H_LOGIC;
		break;
	case K_THEN:
		s->then_ = compile_schema(cc, v, nested);
		break;
	case K_ELSE:
		s->else_ = compile_schema(cc, v, nested);
		break;
	}
}

/*
 * Compiles the subschema at n once (a $ref may lead to it again).
 * nested: we are below a subschema whose $id changes the base URI, where
 * our "#/..." resolution would be wrong.
 */
static struct sch *
compile_schema(struct cctx *cc, const struct samv_node *n, int nested)
{
	const struct samv_node *id;
	struct sch *s;
	size_t i;
	int b;

	if ((s = seen_get(cc, n)) != NULL)
		return s;
	s = samv_arena_alloc(cc->s->arena, sizeof(*s));
	s->boolean = -1;
	seen_put(cc, n, s);
	if (n->kind != SAMV_NODE_MAP) {
		if ((b = samv_node_bool(n)) >= 0)
			s->boolean = b;
		else {
			cerr(cc, n, "schema-invalid",
			    "a schema must be a mapping or true/false, not %s",
			    json_kind(n));
			s->boolean = 1;
		}
		return s;
	}
	id = samv_node_get(n, "$id");
	if (n != cc->root && id != NULL && is_string(id) && id->str[0] != '#')
		nested = 1;
	for (i = 0; i < n->n_pairs; i++)
		compile_keyword(cc, s, n, &n->pairs[i], nested);
	return s;
}

/*
 * A local JSON pointer ("#", "#/a/b~1c/0") with URI percent-decoding
 * first, then ~1 and ~0; NULL if it leads nowhere.
 */
static const struct samv_node *
resolve_pointer(const struct samv_node *root, const char *ref, size_t len)
{
	const struct samv_node *n = root, *next;
	char *dec = samv_xmalloc(len + 1), *seg = samv_xmalloc(len + 1);
	size_t i, j = 0, pos, q, sl, k, idx;

	for (i = 1; i < len; i++) {
		if (ref[i] == '%') {
			if (i + 2 >= len || hexval(ref[i + 1]) < 0 ||
			    hexval(ref[i + 2]) < 0)
				goto fail;
			dec[j++] = (char)(hexval(ref[i + 1]) * 16 +
			    hexval(ref[i + 2]));
			i += 2;
		} else
			dec[j++] = ref[i];
	}
	if (j > 0 && dec[0] != '/')
		goto fail;
	for (pos = 0; pos < j; pos = q) {
		for (q = pos + 1; q < j && dec[q] != '/'; q++)
			;
		for (sl = 0, k = pos + 1; k < q; k++) {
			if (dec[k] == '~') {
				if (k + 1 < q && (dec[k + 1] == '0' ||
				    dec[k + 1] == '1'))
					seg[sl++] = dec[++k] == '0' ? '~' : '/';
				else
					goto fail;
			} else
				seg[sl++] = dec[k];
		}
		next = NULL;
		if (n->kind == SAMV_NODE_MAP) {
			for (k = 0; k < n->n_pairs; k++)
				if (n->pairs[k].key->len == sl &&
				    memcmp(n->pairs[k].key->str, seg, sl) == 0)
					next = n->pairs[k].value;
		} else if (n->kind == SAMV_NODE_SEQ && sl > 0 &&
		    (sl == 1 || seg[0] != '0')) {
			for (idx = 0, k = 0; k < sl; k++) {
				if (seg[k] < '0' || seg[k] > '9' ||
				    idx > 1000000)
					goto fail;
				idx = idx * 10 + (size_t)(seg[k] - '0');
			}
			if (idx < n->n_items)
				next = n->items[idx];
		}
		if ((n = next) == NULL)
			goto fail;
	}
	free(dec);
	free(seg);
	return n;
fail:
	free(dec);
	free(seg);
	return NULL;
}

static void
resolve_refs(struct cctx *cc)
{
	const struct samv_node *target;
	struct pending p;
	const struct sch *t;
	size_t i, steps;

	/* Compiling a target may add pending references: index, no pointer. */
	for (i = 0; i < cc->n_pend; i++) {
		p = cc->pend[i];
		target = resolve_pointer(cc->root, p.ref->str, p.ref->len);
		if (target == NULL) {
			cerr(cc, p.ref, "schema-ref", "$ref '%s' leads nowhere",
			    p.ref->str);
			continue;
		}
		p.s->ref = compile_schema(cc, target, 0);
	}
	/* A ring of plain references would never reach a real check. */
	for (i = 0; i < cc->n_pend; i++) {
		t = cc->pend[i].s;
		for (steps = 0; t->ref != NULL && steps <= cc->n_pend; steps++)
			t = t->ref;
		if (t->ref != NULL)
			cerr(cc, cc->pend[i].ref, "schema-ref",
			    "circular $ref '%s'", cc->pend[i].ref->str);
	}
}

int
samv_schema_compile_opts(struct samv_schema **out, const struct samv_doc *doc,
    const struct samv_node *root, const struct samv_schema_options *opt,
    struct samv_diags *d)
{
	struct cctx cc;
	struct samv_schema *s;

	*out = NULL;
	memset(&cc, 0, sizeof(cc));
	cc.doc = doc;
	cc.root = root;
	cc.opt = opt;
	cc.d = d;
	if (opt != NULL && opt->version != SAMV_SCHEMA_OPTIONS_VERSION) {
		cerr(&cc, NULL, "schema-invalid",
		    "schema options version %u, expected %u", opt->version,
		    SAMV_SCHEMA_OPTIONS_VERSION);
		return -1;
	}
	if (root == NULL) {
		cerr(&cc, NULL, "schema-invalid", "empty schema");
		return -1;
	}
	s = samv_xcalloc(1, sizeof(*s));
	s->arena = samv_arena_new();
	s->cloc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	cc.s = s;
	s->root = compile_schema(&cc, root, 0);
	resolve_refs(&cc);
	s->title = s->root->title;
	free(cc.seen);
	free(cc.pend);
	if (cc.failed) {
		samv_schema_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

int
samv_schema_compile_node(struct samv_schema **out, const struct samv_doc *doc,
    const struct samv_node *root, struct samv_diags *d)
{
	return samv_schema_compile_opts(out, doc, root, NULL, d);
}

int
samv_schema_compile(struct samv_schema **out, const struct samv_doc *doc,
    struct samv_diags *d)
{
	return samv_schema_compile_opts(out, doc, doc->root, NULL, d);
}

const char *
samv_schema_title(const struct samv_schema *s)
{
	return s->title;
}

void
samv_schema_free(struct samv_schema *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n_rx; i++)
		regfree(&s->rx[i]->re);
	free(s->rx);
	if (s->cloc != (locale_t)0)
		freelocale(s->cloc);
	samv_arena_free(s->arena);
	free(s);
}

/* --- validating ------------------------------------------------------ */

/* Where the instance node sits, as a chain on the C stack. */
struct at {
	const struct at *up;
	const struct samv_node *key;	/* a member's key, NULL: an item */
	size_t idx;
	int is_name;			/* the instance is the key itself */
};

struct vctx {
	const struct samv_schema *s;
	const struct samv_doc *doc;
	struct samv_diags *d;	/* NULL: only the verdict is wanted */
	unsigned depth;
};

static int v_schema(struct vctx *, const struct sch *,
    const struct samv_node *, const struct at *);

static const struct sch *
deref(const struct sch *s)
{
	while (s->ref != NULL)
		s = s->ref;
	return s;
}

static unsigned
inst_type(const struct samv_node *n)
{
	double v;

	if (n->kind == SAMV_NODE_MAP)
		return T_OBJECT;
	if (n->kind == SAMV_NODE_SEQ)
		return T_ARRAY;
	switch (samv_node_type(n)) {
	case SAMV_TYPE_NULL:
		return T_NULL;
	case SAMV_TYPE_BOOL:
		return T_BOOL;
	case SAMV_TYPE_INT:
		return T_NUMBER | T_INTEGER;
	case SAMV_TYPE_FLOAT:
		/* draft-07: 1.0 is an integer. */
		if (samv_node_number(n, &v) == 0 && is_integral(v))
			return T_NUMBER | T_INTEGER;
		return T_NUMBER;
	default:
		return T_STRING;
	}
}

/*
 * User text for a message: at most max bytes, cut at a character
 * boundary, control characters (a newline in a key) shown as '?'.
 */
static void
put_text(struct samv_buf *b, const char *s, size_t len, size_t max)
{
	size_t i, cut = len;

	if (len > max) {
		for (cut = max; cut > 0 && ((unsigned char)s[cut] & 0xC0) ==
		    0x80; cut--)
			;
	}
	for (i = 0; i < cut; i++)
		samv_buf_putc(b, (unsigned char)s[i] < 0x20 ? '?' : s[i]);
	if (cut < len)
		samv_buf_puts(b, "...");
}

/* A key, quoted and shortened for a message. */
static void
put_quoted(struct samv_buf *b, const char *s, size_t len)
{
	samv_buf_putc(b, '\'');
	put_text(b, s, len, 60);
	samv_buf_putc(b, '\'');
}

/* "'kind'", "item 2 of 'principals'", "key 'Foo'", "the document" */
static void
name_of(struct samv_buf *b, const struct at *at)
{
	if (at == NULL) {
		samv_buf_puts(b, "the document");
		return;
	}
	if (at->is_name) {
		samv_buf_puts(b, "key ");
		put_quoted(b, at->key->str, at->key->len);
		return;
	}
	if (at->key != NULL) {
		put_quoted(b, at->key->str, at->key->len);
		return;
	}
	samv_buf_printf(b, "item %zu of ", at->idx + 1);
	if (at->up == NULL)
		samv_buf_puts(b, "the document");
	else if (at->up->key != NULL)
		put_quoted(b, at->up->key->str, at->up->key->len);
	else
		samv_buf_printf(b, "item %zu", at->up->idx + 1);
}

static void vsay(struct vctx *c, const struct samv_node *n, int named,
    const struct at *at, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/*
 * Adds a finding at n. With named set, the message starts with the name
 * of the instance at at ("the document" when at is NULL).
 */
static void
vsay(struct vctx *c, const struct samv_node *n, int named,
    const struct at *at, const char *fmt, va_list ap)
{
	struct samv_buf b = SAMV_BUF_INIT;
	char *tail;

	if (named) {
		name_of(&b, at);
		samv_buf_putc(&b, ' ');
	}
	tail = samv_xvasprintf(fmt, ap);
	samv_buf_puts(&b, tail);
	free(tail);
	samv_diags_add(c->d, c->doc ? c->doc->path : NULL, n->span.line,
	    n->span.col, SAMV_ERROR, "schema", "%s", samv_buf_cstr(&b));
	samv_buf_release(&b);
}

static void say(struct vctx *c, const struct samv_node *n, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));
static void sayn(struct vctx *c, const struct samv_node *n,
    const struct at *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
say(struct vctx *c, const struct samv_node *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, n, 0, NULL, fmt, ap);
	va_end(ap);
}

/* The same, the message starting with the instance's name. */
static void
sayn(struct vctx *c, const struct samv_node *n, const struct at *at,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, n, 1, at, fmt, ap);
	va_end(ap);
}

/* A value as a secretary would type it, shortened. */
static void
render(struct samv_buf *b, const struct samv_node *v, int depth)
{
	size_t i;

	switch (v->kind) {
	case SAMV_NODE_SCALAR:
		if (v->len == 0)
			samv_buf_puts(b, samv_node_type(v) == SAMV_TYPE_NULL ?
			    "null" : "\"\"");
		else
			put_text(b, v->str, v->len, 60);
		break;
	case SAMV_NODE_SEQ:
		samv_buf_putc(b, '[');
		for (i = 0; i < v->n_items && depth < 2; i++) {
			if (i > 0)
				samv_buf_puts(b, ", ");
			if (i == 5) {
				samv_buf_puts(b, "...");
				break;
			}
			render(b, v->items[i], depth + 1);
		}
		if (depth >= 2 && v->n_items > 0)
			samv_buf_puts(b, "...");
		samv_buf_putc(b, ']');
		break;
	case SAMV_NODE_MAP:
		samv_buf_putc(b, '{');
		for (i = 0; i < v->n_pairs && depth < 2; i++) {
			if (i > 0)
				samv_buf_puts(b, ", ");
			if (i == 5) {
				samv_buf_puts(b, "...");
				break;
			}
			render(b, v->pairs[i].key, depth + 1);
			samv_buf_puts(b, ": ");
			render(b, v->pairs[i].value, depth + 1);
		}
		if (depth >= 2 && v->n_pairs > 0)
			samv_buf_puts(b, "...");
		samv_buf_putc(b, '}');
		break;
	}
}

static void
render_values(struct samv_buf *b, struct samv_node *const *v, size_t n)
{
	size_t i;

	if (n == 1) {
		render(b, v[0], 0);
		return;
	}
	samv_buf_puts(b, "one of: ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			samv_buf_puts(b, ", ");
		if (i == 15) {
			samv_buf_puts(b, "...");
			break;
		}
		render(b, v[i], 0);
	}
}

/*
 * "a string", "a string or empty", "an integer"; with detail set also
 * "a date" and "a string matching ..." (for one-line anyOf summaries).
 */
static void
type_phrase(struct samv_buf *b, const struct sch *s, unsigned types,
    int detail)
{
	static const struct {
		unsigned bit;
		const char *text;
	} names[] = {
		{ T_STRING, "a string" }, { T_INTEGER, "an integer" },
		{ T_NUMBER, "a number" }, { T_BOOL, "true or false" },
		{ T_OBJECT, "a mapping" }, { T_ARRAY, "a list" },
		{ T_NULL, "empty" }
	};
	size_t i;
	int first = 1;

	if (types & T_NUMBER)
		types &= ~T_INTEGER;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(types & names[i].bit))
			continue;
		if (!first)
			samv_buf_puts(b, " or ");
		first = 0;
		if (detail && names[i].bit == T_STRING && s->format_date)
			samv_buf_puts(b, "a date");
		else if (detail && names[i].bit == T_STRING &&
		    s->pattern != NULL)
			samv_buf_printf(b, "a string matching %s",
			    s->pattern->src);
		else
			samv_buf_puts(b, names[i].text);
	}
}

struct desc {
	struct samv_buf text;		/* phrases joined by ", or " */
	struct samv_node **vals;	/* enum and const values, shown last */
	size_t n_vals, cap_vals;
	int imprecise;		/* a branch checks more than said */
};

static void
desc_value(struct desc *ds, struct samv_node *v)
{
	if (ds->n_vals == ds->cap_vals) {
		ds->cap_vals = ds->cap_vals ? ds->cap_vals * 2 : 8;
		ds->vals = samv_xreallocarray(ds->vals, ds->cap_vals,
		    sizeof(*ds->vals));
	}
	ds->vals[ds->n_vals++] = v;
}

static void
desc_sep(struct desc *ds)
{
	if (ds->text.len > 0)
		samv_buf_puts(&ds->text, ", or ");
}

/* Describes what s accepts; -1 when no short phrase fits. */
static int
describe(struct desc *ds, const struct sch *s, int depth)
{
	size_t i;

	s = deref(s);
	if (depth > 8)
		return -1;
	if (s->boolean == 1) {
		desc_sep(ds);
		samv_buf_puts(&ds->text, "anything");
		return 0;
	}
	if (s->boolean == 0)
		return 0;
	if (s->has & (H_ENUM | H_CONST)) {
		if (s->has & H_CONST)
			desc_value(ds, s->konst);
		if (s->has & H_ENUM)
			for (i = 0; i < s->n_enum; i++)
				desc_value(ds, s->enums[i]);
		if (s->has & (H_COMPLEX | H_STR))
			ds->imprecise = 1;
		return 0;
	}
	if (s->types == T_STRING && s->title != NULL && (s->pattern != NULL ||
	    s->format_date || (s->has & (H_MIN_LEN | H_MAX_LEN)))) {
		/*
		 * A named kind of text says more to a secretary than its
		 * regular expression: "a decision id such as svom/2021/9".
		 */
		desc_sep(ds);
		samv_buf_puts(&ds->text, strchr("aeio", s->title[0]) != NULL ?
		    "an " : "a ");
		samv_buf_puts(&ds->text, s->title);
		if (s->example != NULL) {
			samv_buf_puts(&ds->text, " such as ");
			put_text(&ds->text, s->example, strlen(s->example), 40);
		}
		if (s->has & H_COMPLEX & ~(H_MIN_LEN | H_MAX_LEN))
			ds->imprecise = 1;
		return 0;
	}
	if (s->types != 0) {
		desc_sep(ds);
		type_phrase(&ds->text, s, s->types, 1);
		if (s->has & H_COMPLEX)
			ds->imprecise = 1;
		return 0;
	}
	if (s->n_any > 0 && (s->has & H_COMPLEX) == H_LOGIC &&
	    s->n_all == 0 && s->n_one == 0 && s->neg == NULL &&
	    s->if_ == NULL) {
		for (i = 0; i < s->n_any; i++)
			if (describe(ds, s->any_of[i], depth + 1) < 0)
				return -1;
		return 0;
	}
	return -1;
}

/* The whole list, "a date, or one of: ongoing, recurring"; -1 if none. */
static int
describe_list(struct desc *ds, struct sch *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (describe(ds, list[i], 0) < 0)
			return -1;
	if (ds->n_vals > 0) {
		desc_sep(ds);
		render_values(&ds->text, ds->vals, ds->n_vals);
	}
	return ds->text.len > 0 ? 0 : -1;
}

static void
desc_release(struct desc *ds)
{
	samv_buf_release(&ds->text);
	free(ds->vals);
}

/* Whether n passes s's type-level checks: is this the branch meant? */
static int
compatible(const struct sch *s, unsigned it, int depth)
{
	size_t i;

	s = deref(s);
	if (depth > 8 || s->boolean == 1)
		return 1;
	if (s->boolean == 0)
		return 0;
	if (s->types && !(s->types & it))
		return 0;
	if (s->has & H_CONST && !(inst_type(s->konst) & it))
		return 0;
	if (s->has & H_ENUM) {
		for (i = 0; i < s->n_enum; i++)
			if (inst_type(s->enums[i]) & it)
				break;
		if (i == s->n_enum)
			return 0;
	}
	for (i = 0; i < s->n_all; i++)
		if (!compatible(s->all_of[i], it, depth + 1))
			return 0;
	if (s->n_any > 0) {
		for (i = 0; i < s->n_any; i++)
			if (compatible(s->any_of[i], it, depth + 1))
				break;
		if (i == s->n_any)
			return 0;
	}
	if (s->n_one > 0) {
		for (i = 0; i < s->n_one; i++)
			if (compatible(s->one_of[i], it, depth + 1))
				break;
		if (i == s->n_one)
			return 0;
	}
	return 1;
}

static void
diags_move(struct samv_diags *dst, struct samv_diags *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 16;
			dst->v = samv_xreallocarray(dst->v, dst->cap,
			    sizeof(*dst->v));
		}
		dst->v[dst->n++] = src->v[i];
		if (src->v[i].severity == SAMV_ERROR)
			dst->errors++;
		else
			dst->warnings++;
	}
	free(src->v);
	memset(src, 0, sizeof(*src));
}

/* Applies s with findings going to into (NULL: verdict only). */
static int
v_into(struct vctx *c, struct samv_diags *into, const struct sch *s,
    const struct samv_node *n, const struct at *at)
{
	struct samv_diags *save = c->d;
	int r;

	c->d = into;
	r = v_schema(c, s, n, at);
	c->d = save;
	return r;
}

/*
 * No branch of an anyOf/oneOf matched; c->d is set. One line when the
 * branches can be described, else the errors of the branch the author
 * most likely meant.
 */
static int
explain_nomatch(struct vctx *c, struct sch *const *list, size_t n,
    const struct samv_node *node, const struct at *at)
{
	struct desc ds;
	struct samv_diags *tmp = NULL;
	unsigned it = inst_type(node);
	size_t i, ncompat = 0, best = n;
	int r, described, rc = 1;

	memset(&ds, 0, sizeof(ds));
	described = describe_list(&ds, list, n) == 0;
	for (i = 0; i < n; i++)
		if (compatible(list[i], it, 0))
			ncompat++;
	if (described && (ncompat == 0 || !ds.imprecise)) {
		sayn(c, node, at, "must be %s", samv_buf_cstr(&ds.text));
		goto done;
	}
	tmp = samv_xcalloc(n, sizeof(*tmp));
	for (i = 0; i < n; i++) {
		if (ncompat > 0 && !compatible(list[i], it, 0))
			continue;
		if ((r = v_into(c, &tmp[i], list[i], node, at)) < 0) {
			rc = r;
			goto done;
		}
		if (best == n || tmp[i].n < tmp[best].n)
			best = i;
	}
	/*
	 * Several forms fit the value's type ("a mapping, or a mapping"
	 * would say nothing): point at the closest and show its findings.
	 */
	if (ncompat != 1) {
		if (best < n)
			sayn(c, node, at, "does not match any allowed form; "
			    "form %zu comes closest", best + 1);
		else
			sayn(c, node, at, "does not match any allowed form");
	}
	if (best < n && tmp[best].n > 0)
		diags_move(c->d, &tmp[best]);
	else if (ncompat == 1)
		/* Every failure says why; never leave a silent verdict. */
		sayn(c, node, at, "does not match any allowed form");
done:
	if (tmp != NULL) {
		for (i = 0; i < n; i++)
			samv_diags_release(&tmp[i]);
		free(tmp);
	}
	desc_release(&ds);
	return rc;
}

static int
v_anyof(struct vctx *c, struct sch *const *list, size_t n, int one,
    const struct samv_node *node, const struct at *at)
{
	size_t i, valid = 0, first = 0, second = 0;
	int r;

	for (i = 0; i < n; i++) {
		if ((r = v_into(c, NULL, list[i], node, at)) < 0)
			return r;
		if (r == 0) {
			if (!one)
				return 0;
			if (valid++ == 0)
				first = i;
			else {
				second = i;
				break;
			}
		}
	}
	if (one && valid == 1)
		return 0;
	if (c->d == NULL)
		return 1;
	if (valid > 1) {
		sayn(c, node, at, "matches more than one allowed form "
		    "(forms %zu and %zu)", first + 1, second + 1);
		return 1;
	}
	return explain_nomatch(c, list, n, node, at);
}

/* RFC 3339 full-date; the calendar is date.c's, shared by every command. */
static int
valid_date(const char *s, size_t n)
{
	samv_day day;

	return n == 10 && memchr(s, '\0', n) == NULL &&
	    samv_date_parse(s, &day) == 0;
}

/* Whether a date-shaped text: a wrong day deserves no format hint. */
static int
date_shaped(const char *s, size_t n)
{
	size_t i;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

#define CHECK(expr) do {						\
	int r_ = (expr);						\
	if (r_ < 0)							\
		return r_;						\
	if (r_ > 0) {							\
		bad = 1;						\
		if (c->d == NULL)					\
			return 1;					\
	}								\
} while (0)

#define FAIL() do {							\
	bad = 1;							\
	if (c->d == NULL)						\
		return 1;						\
} while (0)

static int
v_string(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	size_t len;
	int bad = 0, within;

	/* the byte length often decides: a character is 1 to 4 bytes */
	within = (!(s->has & H_MIN_LEN) || (n->len + 3) / 4 >= s->min_len) &&
	    (!(s->has & H_MAX_LEN) || n->len <= s->max_len);

	if ((s->has & (H_MIN_LEN | H_MAX_LEN)) && !within) {
		len = samv_utf8_len(n->str, n->len);
		if ((s->has & H_MIN_LEN) && len < s->min_len) {
			FAIL();
			if (s->min_len == 1)
				sayn(c, n, at, "must not be empty");
			else
				sayn(c, n, at, "must be at least %zu "
				    "characters long", s->min_len);
		}
		if ((s->has & H_MAX_LEN) && len > s->max_len) {
			FAIL();
			sayn(c, n, at, "must be at most %zu character%s long",
			    s->max_len, s->max_len == 1 ? "" : "s");
		}
	}
	/* A date's own message beats its pattern's: one finding is enough. */
	if (s->format_date && !valid_date(n->str, n->len)) {
		FAIL();
		sayn(c, n, at, "is not a valid date: %s%s", n->str,
		    date_shaped(n->str, n->len) ? "" : " (write YYYY-MM-DD)");
	} else if (s->pattern != NULL &&
	    !rx_match(c->s, s->pattern, n->str, n->len)) {
		FAIL();
		sayn(c, n, at, "does not match %s", s->pattern->src);
	}
	return bad;
}

static int
multiple_of(double x, double m)
{
	double q = x / m, tol;

	if (!isfinite(q))
		return 0;
	/*
	 * Binary fractions: 0.0075 / 0.0001 is 74.99999999999999. The
	 * tolerance grows with q only as far as the rounding error does.
	 */
	tol = dabs(q) * 1e-12;
	if (tol < 1e-9)
		tol = 1e-9;
	return dabs(q - nearest(q)) < tol;
}

static int
v_number(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	double x;
	int bad = 0;

	if (samv_node_number(n, &x) != 0)
		return 0;
	if ((s->has & H_MINIMUM) && x < s->minimum) {
		FAIL();
		sayn(c, n, at, "must be at least %s", s->minimum_t);
	}
	if ((s->has & H_MAXIMUM) && x > s->maximum) {
		FAIL();
		sayn(c, n, at, "must be at most %s", s->maximum_t);
	}
	if ((s->has & H_XMIN) && x <= s->xminimum) {
		FAIL();
		sayn(c, n, at, "must be greater than %s", s->xminimum_t);
	}
	if ((s->has & H_XMAX) && x >= s->xmaximum) {
		FAIL();
		sayn(c, n, at, "must be less than %s", s->xmaximum_t);
	}
	if ((s->has & H_MULTIPLE) && !multiple_of(x, s->multiple)) {
		FAIL();
		sayn(c, n, at, "must be a multiple of %s", s->multiple_t);
	}
	return bad;
}

static const struct samv_node *
find_key(const struct samv_node *map, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < map->n_pairs; i++)
		if (map->pairs[i].key->len == len &&
		    memcmp(map->pairs[i].key->str, name, len) == 0)
			return map->pairs[i].key;
	return NULL;
}

static const struct prop *
find_prop(const struct sch *s, const struct samv_node *key)
{
	size_t lo = 0, hi = s->n_props, mid;
	struct prop k;
	int cmp;

	k.name = key->str;
	k.len = key->len;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = propcmp(&k, &s->props[mid]);
		if (cmp == 0)
			return &s->props[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static size_t
edit_distance(const char *a, size_t an, const char *b, size_t bn)
{
	size_t row[64], i, j, diag, up;

	if (an >= 64 || bn >= 64)
		return SIZE_MAX;
	for (j = 0; j <= bn; j++)
		row[j] = j;
	for (i = 1; i <= an; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= bn; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[bn];
}

static void
unknown_key(struct vctx *c, const struct sch *s, const struct samv_node *map,
    const struct samv_node *key, const struct at *at)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const struct prop *best = NULL;
	size_t i, dist, bestd = SIZE_MAX;

	samv_buf_puts(&b, "unknown key ");
	put_quoted(&b, key->str, key->len);
	if (s->title != NULL)
		samv_buf_printf(&b, " in %s", s->title);
	else if (at != NULL) {
		samv_buf_puts(&b, " in ");
		name_of(&b, at);
	}
	for (i = 0; i < s->n_props; i++) {
		dist = edit_distance(key->str, key->len, s->props[i].name,
		    s->props[i].len);
		if (dist < bestd) {
			bestd = dist;
			best = &s->props[i];
		}
	}
	if (best != NULL && bestd <= (key->len > 4 ? 2u : 1u) &&
	    bestd < key->len && find_key(map, best->name, best->len) == NULL)
		samv_buf_printf(&b, " (did you mean '%s'?)", best->name);
	say(c, key, "%s", samv_buf_cstr(&b));
	samv_buf_release(&b);
}

/* A false schema: "'foo' is not allowed", at the key where there is one. */
static void
not_allowed(struct vctx *c, const struct samv_node *n, const struct at *at)
{
	if (at != NULL && at->key != NULL)
		sayn(c, at->key, at, "is not allowed here");
	else
		sayn(c, n, at, "is not allowed here");
}

static int
v_object(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	const struct samv_node *key, *val;
	const struct prop *p;
	const struct sch *addl;
	struct samv_node name;
	struct at sub;
	size_t i, j, k;
	int bad = 0, matched;

	for (i = 0; i < n->n_pairs; i++) {
		key = n->pairs[i].key;
		val = n->pairs[i].value;
		sub.up = at;
		sub.key = key;
		sub.idx = i;
		sub.is_name = 0;
		matched = 0;
		if (s->n_props > 0 && (p = find_prop(s, key)) != NULL) {
			matched = 1;
			CHECK(v_schema(c, p->s, val, &sub));
		}
		for (j = 0; j < s->n_pprops; j++) {
			if (s->pprops[j].rx == NULL || !rx_match(c->s,
			    s->pprops[j].rx, key->str, key->len))
				continue;
			matched = 1;
			CHECK(v_schema(c, s->pprops[j].s, val, &sub));
		}
		if (!matched && s->addl_props != NULL) {
			addl = deref(s->addl_props);
			if (addl->boolean == 0) {
				FAIL();
				unknown_key(c, s, n, key, at);
			} else
				CHECK(v_schema(c, addl, val, &sub));
		}
		if (s->names != NULL) {
			/* A key is always a string, even a plain 2021. */
			name = *key;
			name.style = SAMV_STYLE_QUOTED;
			sub.is_name = 1;
			CHECK(v_schema(c, s->names, &name, &sub));
		}
	}
	for (i = 0; i < s->n_required; i++) {
		if (find_key(n, s->required[i].s, s->required[i].len) != NULL)
			continue;
		FAIL();
		if (at == NULL)
			say(c, n, "missing required key '%s'",
			    s->required[i].s);
		else {
			struct samv_buf b = SAMV_BUF_INIT;

			name_of(&b, at);
			say(c, n, "missing required key '%s' in %s",
			    s->required[i].s, samv_buf_cstr(&b));
			samv_buf_release(&b);
		}
	}
	if ((s->has & H_MIN_PROPS) && n->n_pairs < s->min_props) {
		FAIL();
		sayn(c, n, at, "must have at least %zu key%s", s->min_props,
		    s->min_props == 1 ? "" : "s");
	}
	if ((s->has & H_MAX_PROPS) && n->n_pairs > s->max_props) {
		FAIL();
		sayn(c, n, at, "must have at most %zu key%s", s->max_props,
		    s->max_props == 1 ? "" : "s");
	}
	for (i = 0; i < s->n_deps; i++) {
		const struct dep *dp = &s->deps[i];

		if (find_key(n, dp->name, dp->len) == NULL)
			continue;
		if (dp->s != NULL) {
			CHECK(v_schema(c, dp->s, n, at));
			continue;
		}
		for (k = 0; k < dp->n_req; k++) {
			if (find_key(n, dp->req[k].s, dp->req[k].len) != NULL)
				continue;
			FAIL();
			say(c, n, "key '%s' is required when '%s' is given",
			    dp->req[k].s, dp->name);
		}
	}
	return bad;
}

static int
v_array(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	const struct sch *extra;
	struct at sub;
	size_t i, j;
	int bad = 0, r;

	sub.up = at;
	sub.key = NULL;
	sub.is_name = 0;
	for (i = 0; i < n->n_items; i++) {
		sub.idx = i;
		if (!s->tuple_form) {
			if (s->items != NULL)
				CHECK(v_schema(c, s->items, n->items[i], &sub));
			continue;
		}
		if (i < s->n_tuple) {
			CHECK(v_schema(c, s->tuple[i], n->items[i], &sub));
			continue;
		}
		if (s->addl_items == NULL)
			break;
		extra = deref(s->addl_items);
		if (extra->boolean == 0) {
			FAIL();
			sayn(c, n->items[i], &sub, "is one too many: at "
			    "most %zu item%s allowed", s->n_tuple,
			    s->n_tuple == 1 ? " is" : "s are");
			break;
		}
		CHECK(v_schema(c, extra, n->items[i], &sub));
	}
	if ((s->has & H_MIN_ITEMS) && n->n_items < s->min_items) {
		FAIL();
		sayn(c, n, at, "must have at least %zu item%s", s->min_items,
		    s->min_items == 1 ? "" : "s");
	}
	if ((s->has & H_MAX_ITEMS) && n->n_items > s->max_items) {
		FAIL();
		sayn(c, n, at, "must have at most %zu item%s", s->max_items,
		    s->max_items == 1 ? "" : "s");
	}
	if (s->unique) {
		for (i = 1; i < n->n_items; i++) {
			for (j = 0; j < i; j++)
				if (samv_node_equal(n->items[i], n->items[j]))
					break;
			if (j == i)
				continue;
			FAIL();
			sub.idx = i;
			sayn(c, n->items[i], &sub, "repeats item %zu (line %u)",
			    j + 1, n->items[j]->span.line);
		}
	}
	if (s->contains != NULL) {
		for (i = 0; i < n->n_items; i++) {
			sub.idx = i;
			if ((r = v_into(c, NULL, s->contains, n->items[i],
			    &sub)) < 0)
				return r;
			if (r == 0)
				break;
		}
		if (i == n->n_items) {
			struct desc ds;

			FAIL();
			memset(&ds, 0, sizeof(ds));
			if (deref(s->contains)->boolean == 1)
				sayn(c, n, at, "must have at least 1 item");
			else if (describe_list(&ds, &s->contains, 1) == 0 &&
			    !ds.imprecise)
				sayn(c, n, at, "must contain an item that "
				    "is %s", samv_buf_cstr(&ds.text));
			else
				sayn(c, n, at, "has no item of the required "
				    "form");
			desc_release(&ds);
		}
	}
	return bad;
}

static int
v_logic(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	size_t i;
	int bad = 0, r;

	for (i = 0; i < s->n_all; i++)
		CHECK(v_schema(c, s->all_of[i], n, at));
	if (s->n_any > 0)
		CHECK(v_anyof(c, s->any_of, s->n_any, 0, n, at));
	if (s->n_one > 0)
		CHECK(v_anyof(c, s->one_of, s->n_one, 1, n, at));
	if (s->neg != NULL) {
		if ((r = v_into(c, NULL, s->neg, n, at)) < 0)
			return r;
		if (r == 0) {
			struct desc ds;

			FAIL();
			memset(&ds, 0, sizeof(ds));
			if (deref(s->neg)->boolean == 1)
				not_allowed(c, n, at);
			else if (describe_list(&ds, &s->neg, 1) == 0 &&
			    !ds.imprecise)
				sayn(c, n, at, "must not be %s",
				    samv_buf_cstr(&ds.text));
			else
				sayn(c, n, at, "is in a form that is not "
				    "allowed here");
			desc_release(&ds);
		}
	}
	if (s->if_ != NULL && (s->then_ != NULL || s->else_ != NULL)) {
		if ((r = v_into(c, NULL, s->if_, n, at)) < 0)
			return r;
		if (r == 0 && s->then_ != NULL)
			CHECK(v_schema(c, s->then_, n, at));
		else if (r > 0 && s->else_ != NULL)
			CHECK(v_schema(c, s->else_, n, at));
	}
	return bad;
}

/*
 * After a failed type, enum or const check the other keywords only add
 * noise about the same value: one finding per value is enough.
 */
static int
v_body(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	unsigned it;
	size_t i;
	int bad = 0;

	s = deref(s);
	if (s->boolean == 1)
		return 0;
	if (s->boolean == 0) {
		if (c->d != NULL)
			not_allowed(c, n, at);
		return 1;
	}
	it = inst_type(n);
	if (s->types != 0 && !(s->types & it)) {
		if (c->d != NULL) {
			struct samv_buf want = SAMV_BUF_INIT;
			unsigned t = samv_node_type(n);
			int hint = (s->types & T_STRING) && !s->format_date &&
			    n->kind == SAMV_NODE_SCALAR &&
			    n->style == SAMV_STYLE_PLAIN && n->len > 0 &&
			    t != SAMV_TYPE_STRING;

			type_phrase(&want, s, s->types, 0);
			sayn(c, n, at, "must be %s, not %s%s",
			    samv_buf_cstr(&want), json_kind(n),
			    hint ? " (put it in quotes if it is meant as "
			    "text)" : "");
			samv_buf_release(&want);
		}
		return 1;
	}
	if (s->has & H_CONST && !samv_node_equal(n, s->konst)) {
		if (c->d != NULL) {
			struct samv_buf want = SAMV_BUF_INIT;

			render(&want, s->konst, 0);
			sayn(c, n, at, "must be %s", samv_buf_cstr(&want));
			samv_buf_release(&want);
		}
		return 1;
	}
	if (s->has & H_ENUM) {
		for (i = 0; i < s->n_enum; i++)
			if (samv_node_equal(n, s->enums[i]))
				break;
		if (i == s->n_enum) {
			if (c->d != NULL) {
				struct samv_buf want = SAMV_BUF_INIT;

				if (s->n_enum == 0)
					samv_buf_puts(&want, "one of: (none)");
				else
					render_values(&want, s->enums,
					    s->n_enum);
				sayn(c, n, at, "must be %s",
				    samv_buf_cstr(&want));
				samv_buf_release(&want);
			}
			return 1;
		}
	}
	if ((s->has & H_STR) && it == T_STRING)
		CHECK(v_string(c, s, n, at));
	if ((s->has & H_NUM) && (it & T_NUMBER))
		CHECK(v_number(c, s, n, at));
	if ((s->has & H_OBJ) && it == T_OBJECT)
		CHECK(v_object(c, s, n, at));
	if ((s->has & H_ARR) && it == T_ARRAY)
		CHECK(v_array(c, s, n, at));
	if (s->has & H_LOGIC)
		CHECK(v_logic(c, s, n, at));
	return bad;
}

static int
v_schema(struct vctx *c, const struct sch *s, const struct samv_node *n,
    const struct at *at)
{
	int r;

	/* Reported once by samv_schema_validate: silent branches see it too. */
	if (c->depth >= MAX_APPLY_DEPTH)
		return -1;
	c->depth++;
	r = v_body(c, s, n, at);
	c->depth--;
	return r;
}

int
samv_schema_validate(const struct samv_schema *s, const struct samv_doc *doc,
    const struct samv_node *instance, struct samv_diags *d)
{
	static char empty[1];
	struct samv_node null;
	struct vctx c;
	int r;

	if (instance == NULL) {
		/* An empty document is JSON null; 0:0 means the whole file. */
		memset(&null, 0, sizeof(null));
		null.kind = SAMV_NODE_SCALAR;
		null.style = SAMV_STYLE_PLAIN;
		null.str = empty;
		instance = &null;
	}
	c.s = s;
	c.doc = doc;
	c.d = d;
	c.depth = 0;
	r = v_schema(&c, s->root, instance, NULL);
	if (r < 0 && d != NULL)
		sayn(&c, instance, NULL, "cannot be checked: the schema "
		    "recurses without end");
	return r;
}
