import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { kindLabel } from './labels';
import { ColumnView, SheetView, italianDate } from './view';

const useStyles = makeStyles({
  table: { marginBottom: tokens.spacingVerticalS, tableLayout: 'fixed', width: '100%' },
  letter: { width: '2.5em' },
  header: { width: '38%' },
  unmapped: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  select: { width: '100%', minWidth: 0 },
  detail: { display: 'block', color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  number: { width: '6em' },
});

export interface SheetsViewActions {
  /** The officer gives a column another role: kept in the workbook, then the workbook is checked again. */
  onRole(sheet: string, table: number, column: string, choice: string): void;
  /** Back to the program's own reading of the sheet. */
  onReset(sheet: string): void;
  /** A sheet not recognised, read as a table of objectives with its header on row `row`. */
  onReadFrom(sheet: string, row: number): void;
}

/** One column: its letter, its header, and the list of roles it can be given (the current one chosen). */
function ColumnRow({ c, sheet, table, disabled, actions }: { c: ColumnView; sheet: string; table: number; disabled: boolean; actions: SheetsViewActions }) {
  const s = useStyles();
  const current = c.choices.find((x) => x.key === c.choice)?.label;
  return (
    <TableRow>
      <TableCell className={s.letter}>{c.column}</TableCell>
      <TableCell>{c.label}</TableCell>
      <TableCell>
        <Select
          className={s.select}
          size="small"
          aria-label={`Ruolo della colonna ${c.column} («${c.label}») del foglio «${sheet}»`}
          value={c.choice}
          disabled={disabled}
          onChange={(_, d) => d.value !== c.choice && actions.onRole(sheet, table, c.column, d.value)}
        >
          {c.choices.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </Select>
        {current !== c.role && <Caption1 className={c.ignored ? s.unmapped : s.detail}>{c.role}</Caption1>}
      </TableCell>
    </TableRow>
  );
}

/** A sheet with no table recognised: the officer says on which row its header is. */
function ReadFrom({ sheet, disabled, actions }: { sheet: string; disabled: boolean; actions: SheetsViewActions }) {
  const s = useStyles();
  const [row, setRow] = useState('1');
  const n = Number(row);
  const valid = Number.isInteger(n) && n >= 1;
  return (
    <div className={s.row}>
      <Field label="Riga delle intestazioni" size="small" validationMessage={valid ? undefined : 'Un numero di riga, da 1 in su.'}>
        <Input className={s.number} type="number" min={1} size="small" value={row} onChange={(_, d) => setRow(d.value)} aria-label={`Riga delle intestazioni del foglio «${sheet}»`} />
      </Field>
      <Button size="small" disabled={disabled || !valid} onClick={() => actions.onReadFrom(sheet, n)}>
        Leggi come tabella di obiettivi
      </Button>
    </div>
  );
}

/**
 * How the engine read each sheet: its kind, reference date, tables and what each column holds.
 * The officer corrects a column's role from its list; the correction is kept in the workbook and
 * used by every later «Controlla» of it, until «Torna alla lettura automatica».
 */
export function SheetsView({ sheets, disabled = false, actions }: { sheets: SheetView[]; disabled?: boolean; actions: SheetsViewActions }) {
  const s = useStyles();
  return (
    <Accordion multiple collapsible>
      {sheets.map((sheet) => (
        <AccordionItem key={sheet.name} value={sheet.name}>
          <AccordionHeader size="small">
            {sheet.name}: {kindLabel(sheet.kind)}
            {sheet.referenceDate ? ` al ${italianDate(sheet.referenceDate)}` : ''}
            {sheet.mapped && (
              <>
                {' '}
                <Badge size="small" appearance="tint" color="brand">
                  letto come hai indicato
                </Badge>
              </>
            )}
          </AccordionHeader>
          <AccordionPanel>
            {sheet.tables.length === 0 && (
              <>
                <Caption1 block>Nessuna tabella riconosciuta in questo foglio. Se contiene obiettivi, indica la riga delle intestazioni: poi potrai dire che cosa contiene ogni colonna.</Caption1>
                <ReadFrom sheet={sheet.name} disabled={disabled} actions={actions} />
              </>
            )}
            {sheet.tables.map((t) => (
              <div key={`${t.index}-${t.range}`}>
                <Caption1 block>
                  Tabella {t.range}
                  {t.title ? ` — ${t.title}` : ''} ({kindLabel(t.kind).toLowerCase()}), intestazione alla riga {t.headerRows.join(' e ')}
                </Caption1>
                <Table size="extra-small" className={s.table} aria-label={`Colonne della tabella ${t.range} del foglio «${sheet.name}»`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={s.letter}>Col.</TableHeaderCell>
                      <TableHeaderCell className={s.header}>Intestazione</TableHeaderCell>
                      <TableHeaderCell>Letta come</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {t.columns.map((c) => (
                      <ColumnRow key={c.column} c={c} sheet={sheet.name} table={t.index} disabled={disabled} actions={actions} />
                    ))}
                  </TableBody>
                </Table>
              </div>
            ))}
            {sheet.mapped && (
              <Button size="small" disabled={disabled} onClick={() => actions.onReset(sheet.name)}>
                Torna alla lettura automatica
              </Button>
            )}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
