import { describe, expect, it } from 'vitest';
import { CreateTimeEntryBody } from './activity';
import {
  closedStatuses,
  DateInput,
  Id,
  isClosedStatus,
  isOpenStatus,
  maxDate,
  minDate,
  openStatuses,
  reportClassOf,
  reportClassSql,
  statuses,
} from './domain';
import { ReportQuery, TimeSplitQuery } from './insights';
import { CreateRequestBody, UpdateRequestBody } from './requests';
import { TargetParams } from './settings';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('dates the API accepts', () => {
  it('the range is 2000-01-01 to 2099-12-31, as the contract says', () => {
    expect([minDate, maxDate]).toEqual(['2000-01-01', '2099-12-31']);
  });

  it.each(['2000-01-01', '2000-02-29', '2026-11-20', '2096-02-29', '2099-12-31'])('%s is accepted', (date) => {
    expect(DateInput.parse(date)).toBe(date);
  });

  it.each(['1999-12-31', '2100-01-01', '0000-01-01', '9999-12-31', '1970-01-01'])(
    '%s is refused with one message naming the range',
    (date) => {
      expect(messagesOf(DateInput.safeParse(date))).toEqual([{ path: '', message: 'must be a date between 2000-01-01 and 2099-12-31' }]);
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '-000001-12-01',
    '+010000-01-01',
    '2026-1-1',
    '20261120',
    '2026-11-20T00:00:00Z',
    ' 2026-11-20',
    '',
    'garbage',
  ])('%j is not a calendar date: one message saying so', (date) => {
    expect(messagesOf(DateInput.safeParse(date))).toEqual([{ path: '', message: 'must be a calendar date YYYY-MM-DD' }]);
  });

  it('every date a body or query takes uses the range: report periods, due dates, time entries, quarter targets', () => {
    const early = '1999-12-31';
    expect(messagesOf(ReportQuery.safeParse({ from: early }))).toEqual([{ path: 'from', message: expect.stringContaining('2000-01-01') }]);
    expect(messagesOf(ReportQuery.safeParse({ to: '2100-01-01' }))).toEqual([
      { path: 'to', message: expect.stringContaining('2099-12-31') },
    ]);
    expect(messagesOf(TimeSplitQuery.safeParse({ from: '0000-01-01', to: '0000-01-31' })).map((m) => m.path)).toEqual(['from', 'to']);
    expect(messagesOf(CreateRequestBody.safeParse({ title: 'x', typeId: 1, dueDate: early })).map((m) => m.path)).toEqual(['dueDate']);
    expect(messagesOf(UpdateRequestBody.safeParse({ version: 1, dueDate: '2100-01-01' })).map((m) => m.path)).toEqual(['dueDate']);
    expect(messagesOf(CreateTimeEntryBody.safeParse({ minutes: 30, date: '0000-01-01' })).map((m) => m.path)).toEqual(['date']);
    expect(messagesOf(TargetParams.safeParse({ periodStart: '1999-10-01' }))).toEqual([
      { path: 'periodStart', message: expect.stringContaining('2000-01-01') },
    ]);
    expect(messagesOf(TargetParams.safeParse({ periodStart: '2100-01-01' })).map((m) => m.path)).toEqual(['periodStart']);
    // Null still clears a due date; the range applies to dates only.
    expect(UpdateRequestBody.parse({ version: 1, dueDate: null }).dueDate).toBeNull();
  });
});

describe('path ids', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%j is the id %d', (raw, id) => {
    expect(Id.parse(raw)).toBe(id);
  });

  it.each([
    '0x10',
    '1e3',
    ' 12',
    '12 ',
    '+12',
    '012',
    '00',
    '12.0',
    '1.5',
    '-1',
    '0',
    '',
    'abc',
    '١٢',
    '12abc',
    '9007199254740992',
    '99999999999999999999',
    'Infinity',
    'NaN',
  ])('%j is refused', (raw) => {
    const result = Id.safeParse(raw);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toHaveLength(1);
  });

  it('a number (not the text of one) is not a path id either: paths are text', () => {
    expect(Id.safeParse(12).success).toBe(false);
  });
});

describe('report class of a request', () => {
  it('counts a classification only once a marketer has confirmed it', () => {
    expect(reportClassOf({ classification: 'strategic', classificationSuggested: false })).toBe('strategic');
    expect(reportClassOf({ classification: 'tactical', classificationSuggested: false })).toBe('tactical');
    expect(reportClassOf({ classification: 'tactical', classificationSuggested: true })).toBe('unclassified');
    expect(reportClassOf({ classification: 'strategic', classificationSuggested: true })).toBe('unclassified');
    expect(reportClassOf({ classification: null, classificationSuggested: false })).toBe('unclassified');
    expect(reportClassOf({ classification: null, classificationSuggested: true })).toBe('unclassified');
  });

  it('is written in SQL over the row its prefix names', () => {
    expect(reportClassSql('new.')).toBe(
      "(case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end)",
    );
  });
});

describe('open and closed statuses', () => {
  it('intake to in review are open, done and declined closed: every status exactly once', () => {
    expect(openStatuses).toEqual(['intake', 'planned', 'in_progress', 'in_review']);
    expect(closedStatuses).toEqual(['done', 'declined']);
    expect([...openStatuses, ...closedStatuses].sort()).toEqual([...statuses].sort());
    expect(statuses.filter(isOpenStatus)).toEqual(['intake', 'planned', 'in_progress', 'in_review']);
    expect(statuses.filter(isClosedStatus)).toEqual(['done', 'declined']);
  });
});
