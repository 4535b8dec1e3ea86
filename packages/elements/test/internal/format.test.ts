// Dates as the reader sees them: a due date is compared with today's date where the reader is.
import { expect } from '@open-wc/testing';
import { localToday } from '../../src/internal/format.ts';

describe('localToday', () => {
  it('is the calendar date of the reader’s own clock, not of UTC', () => {
    // 23:30 on 12 March in Los Angeles is already 13 March in UTC (this browser may run in UTC,
    // so the moment is described as that reader's clock shows it).
    const evening = { getFullYear: () => 2027, getMonth: () => 2, getDate: () => 12, toISOString: () => '2027-03-13T06:30:00.000Z' } as Date;
    expect(localToday(evening)).to.equal('2027-03-12');
    expect(localToday(new Date(2027, 0, 5, 9, 0))).to.equal('2027-01-05');
  });
});
