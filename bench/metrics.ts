// The bench's figures, their targets, and the table they print as.

export type Unit = 'ms' | 'req/s' | 'KB' | 'MiB' | 'nodes' | 'errors' | 'rows' | '%' | 'files' | 'messages';

export interface Target {
  op: '<=' | '>=' | '<' | '==';
  value: number;
}

export interface Metric {
  section: string;
  name: string;
  value: number;
  unit: Unit;
  target?: Target;
  pass?: boolean;
  /** Context for a reader: spread, sample size, what exactly was measured. */
  note?: string;
}

export function check(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  switch (target.op) {
    case '<=':
      return value <= target.value;
    case '>=':
      return value >= target.value;
    case '<':
      return value < target.value;
    case '==':
      return value === target.value;
  }
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return `n/a ${unit}`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
  if (unit === 'KB' || unit === 'MiB') return `${value.toFixed(1)} ${unit}`;
  if (unit === '%') return `${value.toFixed(1)} %`;
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

const formatTarget = (m: Metric) =>
  m.target
    ? `${m.target.op === '==' ? '=' : m.target.op === '<=' ? '≤' : m.target.op === '>=' ? '≥' : '<'} ${formatValue(m.target.value, m.unit)}`
    : '';

/** A plain-text table: section, metric, measured, target, result; notes below each row that has one. */
export function renderTable(metrics: Metric[]): string {
  const rows = metrics.map((m) => [m.name, formatValue(m.value, m.unit), formatTarget(m), m.target ? (m.pass ? 'pass' : 'FAIL') : 'info']);
  const head = ['metric', 'measured', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(head), widths.map((w) => '─'.repeat(w)).join('  ')];
  let section = '';
  metrics.forEach((m, i) => {
    if (m.section !== section) {
      section = m.section;
      out.push('', `${section}`);
    }
    out.push(line(rows[i]!));
    if (m.note) out.push(`    ${m.note}`);
  });
  return out.join('\n');
}
