/* date.h - ISO dates and HH:MM times as governance records use them */
#ifndef SAMV_DATE_H
#define SAMV_DATE_H

/* Days since 1970-01-01 (proleptic Gregorian). */
typedef long samv_day;

/* Parses exactly YYYY-MM-DD with a real calendar date; 0 on success. */
int samv_date_parse(const char *s, samv_day *out);
/* Formats as YYYY-MM-DD into buf (at least 11 bytes). */
void samv_date_format(samv_day d, char *buf);
int samv_date_valid_ymd(int y, int m, int d);
samv_day samv_date_from_ymd(int y, int m, int d);
void samv_date_to_ymd(samv_day day, int *y, int *m, int *d);
/* Today: SAMV_TODAY if set and valid, else the local date. */
int samv_date_today(samv_day *out);
/* Parses "HH:MM" (or plain H:MM) into minutes since midnight; 0 on success. */
int samv_time_parse(const char *s, int *minutes);
void samv_time_format(int minutes, char *buf);	/* buf >= 6 bytes */

#endif
