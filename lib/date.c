/* date.c - calendar arithmetic without time zones, and HH:MM times */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
samv_date_valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && is_leap(y));
}

/* Howard Hinnant's days_from_civil. */
samv_day
samv_date_from_ymd(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
samv_date_to_ymd(samv_day z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
samv_date_parse(const char *s, samv_day *out)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !samv_date_valid_ymd(y, m, d))
		return -1;
	*out = samv_date_from_ymd(y, m, d);
	return 0;
}

void
samv_date_format(samv_day day, char *buf)
{
	int y, m, d;

	samv_date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
		strcpy(buf, "0000-00-00");
		return;
	}
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

int
samv_date_today(samv_day *out)
{
	const char *env = getenv("SAMV_TODAY");
	time_t t;
	struct tm tm;

	if (env && *env)
		return samv_date_parse(env, out);
	t = time(NULL);
	if (localtime_r(&t, &tm) == NULL)
		return -1;
	*out = samv_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	return 0;
}

int
samv_time_parse(const char *s, int *minutes)
{
	int h, m;
	size_t n;

	if (s == NULL)
		return -1;
	n = strlen(s);
	if (n == 5 && s[2] == ':') {
		h = digits(s, 2);
		m = digits(s + 3, 2);
	} else if (n == 4 && s[1] == ':') {
		h = digits(s, 1);
		m = digits(s + 2, 2);
	} else
		return -1;
	if (h < 0 || m < 0 || h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void
samv_time_format(int minutes, char *buf)
{
	if (minutes < 0)
		minutes = 0;
	snprintf(buf, 6, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
}
