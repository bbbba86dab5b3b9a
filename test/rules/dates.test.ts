import { expect } from '@open-wc/testing';
import { addDays, addInterval, addMonths, isoToday } from '../../src/rules/dates.js';

describe('rules/dates', () => {
  it('reads today in UTC', () => {
    expect(isoToday(new Date('2026-03-01T23:30:00-05:00'))).to.equal('2026-03-02');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2025-02-28', 1)).to.equal('2025-03-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
  });

  it('keeps the day of the month where it can, and clamps to the last day where it cannot', () => {
    expect(addMonths('2026-01-15', 1)).to.equal('2026-02-15');
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2024-01-31', 1), 'leap year').to.equal('2024-02-29');
    expect(addMonths('2026-03-31', 1)).to.equal('2026-04-30');
    expect(addMonths('2026-11-30', 2)).to.equal('2027-01-30');
    expect(addMonths('2026-05-31', -3)).to.equal('2026-02-28');
  });

  it('turns billing intervals into period ends', () => {
    expect(addInterval('2026-01-31', 'day', 3)).to.equal('2026-02-03');
    expect(addInterval('2026-01-31', 'week', 2)).to.equal('2026-02-14');
    expect(addInterval('2026-01-31', 'month', 1)).to.equal('2026-02-28');
    expect(addInterval('2026-01-31', 'month', 3)).to.equal('2026-04-30');
    expect(addInterval('2024-02-29', 'year', 1), 'Feb 29 to a year without one').to.equal('2025-02-28');
    expect(addInterval('2024-02-29', 'year', 4)).to.equal('2028-02-29');
  });
});
