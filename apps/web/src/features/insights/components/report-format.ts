/** Insights-only number formats: shares as whole percents, minutes as hours. */
export const pct = (share: number) => `${Math.round(share * 100)} %`;
export const hours = (minutes: number) =>
  minutes / 60 >= 100 ? Math.round(minutes / 60).toLocaleString('en') : (Math.round(minutes / 6) / 10).toLocaleString('en');
export const signedPct = (change: number | null) => (change === null ? 'new' : `${change > 0 ? '+' : ''}${Math.round(change * 100)} %`);
export const points = (difference: number) => `${difference > 0 ? '+' : ''}${Math.round(difference * 100)} pts`;
