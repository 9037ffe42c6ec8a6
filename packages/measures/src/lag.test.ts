import { describe, expect, it } from 'vitest';
import { dateRange, daysBetween } from './lag.ts';

describe('lag', () => {
  it('counts exact days between two full dates', () => {
    expect(daysBetween('2023-06-15', '2023-09-14')).toEqual({ min: 91, max: 91 });
  });
  it('gives an interval when a date gives only the month', () => {
    expect(daysBetween('2023-06-15', '2023-12')).toEqual({ min: 169, max: 199 });
  });
  it('handles leap years and year-only dates', () => {
    expect(dateRange('2024-02')).toEqual([Date.UTC(2024, 1, 1), Date.UTC(2024, 1, 29)]);
    expect(daysBetween('2023-12-31', '2024')).toEqual({ min: 1, max: 366 });
  });
  it('is null when a date is unknown or malformed', () => {
    expect(daysBetween('2023-06-15', 'unknown')).toBeNull();
    expect(daysBetween('15/6/2023', '2023-09-14')).toBeNull();
  });
});
