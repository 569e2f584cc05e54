/* pnr.c - personnummer/samordningsnummer detection (privacy guard) */
#include <string.h>

#include "date.h"
#include "pnr.h"

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* Luhn over the 10 digits YYMMDDNNNN. */
static int
luhn_ok(const char *d10)
{
	int i, sum = 0;

	for (i = 0; i < 10; i++) {
		int v = (d10[i] - '0') * (i % 2 == 0 ? 2 : 1);

		sum += v > 9 ? v - 9 : v;
	}
	return sum % 10 == 0;
}

static int
date_ok(int century_known, int yyyy, int yy, int mm, int dd)
{
	if (dd > 60)
		dd -= 60;	/* samordningsnummer */
	if (century_known)
		return yyyy >= 1870 && samv_date_valid_ymd(yyyy, mm, dd);
	/* either century will do for the calendar check */
	return samv_date_valid_ymd(2000 + yy, mm, dd) ||
	    samv_date_valid_ymd(1900 + yy, mm, dd);
}

static int
num(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Tries a match of n date digits at s[i..]; returns length or 0. */
static size_t
try_at(const char *s, size_t len, size_t i, int ndate)
{
	char d10[10];
	size_t j = i + (size_t)ndate, end;
	int yyyy = 0, yy, mm, dd, k;

	for (k = 0; k < ndate; k++)
		if (i + (size_t)k >= len || !isdig(s[i + (size_t)k]))
			return 0;
	if (j < len && (s[j] == '-' || s[j] == '+'))
		j++;
	if (j + 4 > len)
		return 0;
	for (k = 0; k < 4; k++)
		if (!isdig(s[j + (size_t)k]))
			return 0;
	end = j + 4;
	if (end < len && isdig(s[end]))
		return 0;
	if (ndate == 8) {
		yyyy = num(s + i, 4);
		memcpy(d10, s + i + 2, 6);
	} else
		memcpy(d10, s + i, 6);
	memcpy(d10 + 6, s + j, 4);
	yy = num(d10, 2);
	mm = num(d10 + 2, 2);
	dd = num(d10 + 4, 2);
	if (!date_ok(ndate == 8, yyyy, yy, mm, dd) || !luhn_ok(d10))
		return 0;
	return end - i;
}

int
samv_pnr_find(const char *s, size_t len, size_t *off)
{
	size_t i;

	if (len < 10)
		return 0;	/* too short for YYMMDDNNNN */
	for (i = 0; i < len; i++) {
		if (!isdig(s[i]) || (i > 0 && isdig(s[i - 1])))
			continue;
		/* a digit run preceded by '-' or '/' is part of a larger
		 * number such as a diarienummer */
		if (i > 0 && (s[i - 1] == '-' || s[i - 1] == '/') &&
		    i > 1 && isdig(s[i - 2]))
			continue;
		if (try_at(s, len, i, 8) || try_at(s, len, i, 6)) {
			*off = i;
			return 1;
		}
	}
	return 0;
}
