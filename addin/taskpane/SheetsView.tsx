import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { kindLabel, roleLabel } from './labels';
import { SheetView, italianDate } from './view';

const useStyles = makeStyles({
  table: { marginBottom: tokens.spacingVerticalS },
  unmapped: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

/** How the engine read each sheet: its kind, reference date, tables and what each column means. */
export function SheetsView({ sheets }: { sheets: SheetView[] }) {
  const s = useStyles();
  return (
    <Accordion multiple collapsible>
      {sheets.map((sheet) => (
        <AccordionItem key={sheet.name} value={sheet.name}>
          <AccordionHeader size="small">
            {sheet.name}: {kindLabel(sheet.kind)}
            {sheet.referenceDate ? ` al ${italianDate(sheet.referenceDate)}` : ''}
          </AccordionHeader>
          <AccordionPanel>
            {sheet.tables.length === 0 && <Caption1 block>Nessuna tabella riconosciuta in questo foglio.</Caption1>}
            {sheet.tables.map((t) => (
              <div key={t.range}>
                <Caption1 block>
                  Tabella {t.range}
                  {t.title ? ` — ${t.title}` : ''} ({kindLabel(t.kind).toLowerCase()})
                </Caption1>
                <Table size="extra-small" className={s.table} aria-label={`Colonne della tabella ${t.range}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Cella</TableHeaderCell>
                      <TableHeaderCell>Intestazione</TableHeaderCell>
                      <TableHeaderCell>Letta come</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {t.columns.map((c) => (
                      <TableRow key={c.cell}>
                        <TableCell>{c.cell}</TableCell>
                        <TableCell>{c.label}</TableCell>
                        <TableCell className={c.role === null ? s.unmapped : undefined}>{roleLabel(c.role)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
