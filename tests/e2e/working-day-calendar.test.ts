// Browser test of the working-day calendar page (B-004): staff see that next year's holidays are
// missing, enter them from the notice as rest periods and make-up working days, and the date check
// then counts across the new year.
import { chineseDaysYears } from '@bidhall/rules';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, e2eEnabled, POLL, ShiftedClock, text, useE2e, visible } from './harness.ts';

/**
 * The last year shipped with the platform; the year after it is the one staff enter. The server's
 * clock is moved on to 1 December of the last year when the test runs earlier (never back: the demo's
 * one-time codes already used would be replayed), so that the page names that year as missing.
 */
const LAST = Math.max(...chineseDaysYears().map((y) => y.year));
const NEXT = LAST + 1;
const clock = new ShiftedClock();
clock.advance(Math.max(0, Date.parse(`${LAST}-12-01T02:00:00Z`) - clock.now().getTime()));

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
/** The first Saturday of March of NEXT: a make-up working day for the test notice. */
const makeUpSaturday = (() => {
  let ms = Date.parse(`${NEXT}-03-01T00:00:00Z`);
  while (new Date(ms).getUTCDay() !== 6) ms += DAY;
  return ymd(ms);
})();
/** One working day after 31 December of LAST when 1 January is the only rest day besides weekends. */
const firstWorkingDay = (() => {
  let ms = Date.parse(`${NEXT}-01-02T00:00:00Z`);
  while ([0, 6].includes(new Date(ms).getUTCDay())) ms += DAY;
  return ymd(ms);
})();

/** Types a day into a picker's input and confirms it. */
async function typeDay(input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(day);
}

/** The inputs of the picker a data-testid names (antd puts the id on each of its inputs, or on its wrapper). */
async function pickerInputs(page: Page, testId: string): Promise<Locator> {
  const el = page.getByTestId(testId);
  return (await el.first().evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
}

describe.skipIf(!e2eEnabled)('the working-day calendar in the browser', () => {
  const e2e = useE2e({ clock });

  it(`[B-004] staff are told ${NEXT} is missing, enter its notice, and dates across the new year count`, async () => {
    const { context, page } = await e2e().newContext();
    await apiLogin(context.request, 'staff.city');
    // Where staff start the day: the workspace says the year is missing and opens the calendar.
    await page.goto('/workspace');
    await text(page.getByTestId('calendar-missing')).toContain(`尚未录入 ${NEXT} 年节假日安排`);
    await page.getByTestId('calendar-missing-open').click();
    await page.waitForURL('**/system/calendar');
    await text(page.getByTestId('calendar-missing')).toContain(`尚未录入 ${NEXT} 年节假日安排`);

    // The shipped year, opened: New Year's Day starts its rest days.
    const years = page.getByTestId('calendar-years');
    await years
      .locator('tr', { hasText: String(LAST) })
      .locator('.ant-table-row-expand-icon')
      .click();
    await text(page.getByTestId(`calendar-year-${LAST}`)).toContain('1月1日');
    await text(years.locator('tr', { hasText: String(LAST) }).first()).toContain('随平台发布');

    // Counting into the missing year is refused, with the reason.
    const from = (await pickerInputs(page, 'calendar-calc-from')).first();
    await typeDay(from, `${LAST}-12-31`);
    await page.getByTestId('calendar-calc-days').fill('1');
    await page.getByTestId('calendar-calc-run').click();
    await text(page.getByTestId('calendar-calc-error')).toContain('该年度的节假日安排尚未录入');

    // The notice: 1 January rest, the first Saturday of March worked.
    const form = page.getByTestId('calendar-form');
    await expect.poll(() => page.getByTestId('calendar-form-year').inputValue()).toBe(String(NEXT));
    const holiday = await pickerInputs(page, 'calendar-form-holiday-0');
    await typeDay(holiday.nth(0), `${NEXT}-01-01`);
    await typeDay(holiday.nth(1), `${NEXT}-01-01`);
    await page.getByTestId('calendar-form-add-workday').click();
    await typeDay((await pickerInputs(page, 'calendar-form-workday-0')).first(), makeUpSaturday);
    await page.getByTestId('calendar-form-source').fill(`国务院办公厅关于${NEXT}年部分节假日安排的通知（测试）`);
    await page.getByTestId('calendar-form-submit').click();
    await text(page.locator('.ant-message')).toContain(`${NEXT} 年节假日安排已保存`);
    // Not named any more (in the shipped year nothing is missing; a year later the next one would be).
    const missing = page.getByTestId('calendar-missing');
    await expect
      .poll(async () => ((await missing.count()) === 0 ? '' : await missing.innerText()), POLL)
      .not.toContain(String(NEXT));
    await text(years.locator('tr', { hasText: String(NEXT) }).first()).toContain('工作人员录入');
    await years
      .locator('tr', { hasText: String(NEXT) })
      .locator('.ant-table-row-expand-icon')
      .click();
    await text(page.getByTestId(`calendar-year-${NEXT}`)).toContain('国务院办公厅关于');
    await visible(form);

    // Now the same question is answered across the new year.
    await page.getByTestId('calendar-calc-run').click();
    await text(page.getByTestId('calendar-calc-after')).toBe(firstWorkingDay);

    // And the workspace no longer names it.
    await page.goto('/workspace');
    await visible(page.getByTestId('workspace'));
    await expect
      .poll(async () => ((await missing.count()) === 0 ? '' : await missing.innerText()), POLL)
      .not.toContain(String(NEXT));
    await context.close();
  });
});
