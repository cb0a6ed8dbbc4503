import { useSyncExternalStore } from 'react';
import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Eraser20Regular, TableSearch20Regular } from '@fluentui/react-icons';
import { PaneController, PaneState } from './controller';
import { FindingsView } from './FindingsView';
import { SheetsView } from './SheetsView';
import { WorkflowsView } from './WorkflowsView';
import { clearSentence, countBySeverity, countsSentence, groupFindings, insertedSentence, markedSentence, normalisedSentence, sheetViews } from './view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  scope: { display: 'flex', flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const BUSY_LABEL: Record<NonNullable<PaneState['busy']>, string> = {
  checking: 'Controllo in corso…',
  clearing: 'Tolgo le segnalazioni…',
  normalising: 'Normalizzo la cartella di lavoro…',
  inserting: 'Inserisco i modelli…',
  mapping: 'Salvo come leggere il foglio…',
};

/**
 * The pane, laid out for Excel's usual width (320 px): the commands, then what the last command
 * did and the findings (the first visible without scrolling), then the notices, the tools, and
 * how the sheets were read.
 */
export function App({ controller }: { controller: PaneController }) {
  const s = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { check, clear, busy, error } = state;
  const findings = check?.dossier.findings ?? [];
  const counts = countBySeverity(findings);
  const sheets = check ? sheetViews(check.dossier.sources.flatMap((x) => x.sheets), check.mapping, check.mapped) : [];
  const sheetActions = {
    onRole: (sheet: string, table: number, column: string, choice: string) => void controller.setColumnRole(sheet, table, column, choice),
    onReset: (sheet: string) => void controller.resetSheet(sheet),
    onReadFrom: (sheet: string, row: number) => void controller.readSheetFrom(sheet, row),
  };
  const notices = [...(check?.notices ?? []), ...(clear?.notices ?? []), ...(state.normalised?.notices ?? [])];

  return (
    <main className={s.root}>
      <header>
        <Subtitle2 as="h1" block>
          Controllo dei fogli PIAO
        </Subtitle2>
        {!check && <Caption1 block>Trova le incoerenze nelle tabelle degli obiettivi e del personale e le segna nella cella.</Caption1>}
      </header>

      <RadioGroup
        aria-label="Cosa controllare"
        layout="horizontal"
        className={s.scope}
        value={state.scope}
        onChange={(_, d) => controller.setScope(d.value === 'active' ? 'active' : 'workbook')}
        disabled={busy !== null}
      >
        <Radio value="workbook" label="Tutta la cartella" />
        <Radio value="active" label="Foglio attivo" />
      </RadioGroup>

      <div className={s.actions}>
        <Button appearance="primary" icon={<TableSearch20Regular />} onClick={() => controller.check()} disabled={busy !== null}>
          Controlla
        </Button>
        <Button icon={<Eraser20Regular />} onClick={() => controller.clear()} disabled={busy !== null}>
          Pulisci segnalazioni
        </Button>
      </div>

      {busy && <Spinner size="tiny" label={BUSY_LABEL[busy]} />}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Operazione non riuscita</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}

      {clear && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{clearSentence(clear.report)}</MessageBarBody>
        </MessageBar>
      )}

      {state.normalised && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{normalisedSentence(state.normalised)}</MessageBarBody>
        </MessageBar>
      )}

      {state.inserted && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{insertedSentence(state.inserted.sheets)}</MessageBarBody>
        </MessageBar>
      )}

      {check && (
        <section aria-label="Risultato del controllo" className={s.result}>
          <div className={s.counts} role="status">
            <Body1Strong>{countsSentence(counts)}</Body1Strong>
          </div>
          <Caption1 block>
            {check.scope === 'active' ? `Foglio «${check.activeSheet}»` : `Cartella «${check.file}»`}. {markedSentence(check.marked, check.cleared)}
          </Caption1>
          {findings.length > 0 ? (
            <FindingsView groups={groupFindings(findings)} selected={state.selected} onSelect={(f) => controller.goTo(f)} />
          ) : (
            <Body1 block>Nessuna incoerenza trovata.</Body1>
          )}
        </section>
      )}

      {notices.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}

      <Divider />
      <WorkflowsView controller={controller} state={state} />

      {check && (
        <section aria-label="Come sono stati letti i fogli">
          <Divider />
          <Subtitle2 as="h2" block>
            Come sono stati letti i fogli
          </Subtitle2>
          <Caption1 block>Se una colonna è stata letta male, scegli che cosa contiene: la scelta resta salvata nella cartella di lavoro e vale per i controlli successivi.</Caption1>
          <SheetsView sheets={sheets} disabled={busy !== null} actions={sheetActions} />
        </section>
      )}
    </main>
  );
}
