/* pnr.h - find Swedish personal identity numbers in text */
#ifndef SAMV_PNR_H
#define SAMV_PNR_H

#include <stddef.h>

/*
 * Looks for a personnummer or samordningsnummer (day + 60) in s:
 * YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN, with
 * a valid date and Luhn check digit, not inside a longer run of digits.
 * Returns 1 and sets *off (byte offset of the match) if one is found.
 */
int samv_pnr_find(const char *s, size_t len, size_t *off);

#endif
