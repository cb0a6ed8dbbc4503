import { Model } from '../model';
import { Place, Severity } from '../schema/dossier';

/** What a rule reports; the context turns it into a Finding. */
export interface Report {
  at: Place;
  /** Key of `messages`; defaults to the only message. */
  messageId?: string;
  /** Named values for the message template: {code}, {expected}... */
  data?: Record<string, string | number>;
  related?: Place[];
  expected?: unknown;
  actual?: unknown;
  /** A stronger or weaker severity for this case than the rule's default. */
  severity?: Severity;
}

export interface RuleContext {
  readonly model: Model;
  report(r: Report): void;
}

/**
 * One finding rule, like an ESLint rule: a stable id (CONTRACT.md), a default severity, Italian
 * message templates with named values, one line of docs, and a check that reads the model.
 */
export interface Rule {
  id: string;
  /** A short Italian name for people (report groups, «Anomalie» sheets, notes, task pane); the id stays for machines. */
  title: string;
  severity: Severity;
  docs: { it: string; en: string };
  messages: Record<string, string>;
  check(ctx: RuleContext): void;
}

/** Fills "{name}" placeholders; a missing value is left visible rather than silently dropped. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumberIt(v) : v;
  });
}

/** Numbers in messages, Italian style: 1.234,5 */
export function formatNumberIt(n: number): string {
  return n.toLocaleString('it-IT', { maximumFractionDigits: 3 });
}
