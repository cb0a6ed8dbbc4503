import { useSyncExternalStore } from 'react';
import {
  Badge,
  Body1,
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
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const BUSY_LABEL: Record<NonNullable<PaneState['busy']>, string> = {
  checking: 'Controllo in corso…',
  clearing: 'Tolgo le segnalazioni…',
  normalising: 'Normalizzo la cartella di lavoro…',
  inserting: 'Inserisco i modelli…',
};

export function App({ controller }: { controller: PaneController }) {
  const s = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { check, clear, busy, error } = state;
  const findings = check?.dossier.findings ?? [];
  const counts = countBySeverity(findings);
  const sheets = check ? sheetViews(check.dossier.sources.flatMap((x) => x.sheets)) : [];

  return (
    <main className={s.root}>
      <header>
        <Subtitle2 as="h1" block>
          Controllo dei fogli PIAO
        </Subtitle2>
        <Caption1 block>Trova le incoerenze nelle tabelle degli obiettivi e del personale e le segna nella cella.</Caption1>
      </header>

      <RadioGroup
        aria-label="Cosa controllare"
        value={state.scope}
        onChange={(_, d) => controller.setScope(d.value === 'active' ? 'active' : 'workbook')}
        disabled={busy !== null}
      >
        <Radio value="workbook" label="Tutta la cartella di lavoro" />
        <Radio value="active" label="Solo il foglio attivo" />
      </RadioGroup>

      <div className={s.actions}>
        <Button appearance="primary" icon={<TableSearch20Regular />} onClick={() => controller.check()} disabled={busy !== null}>
          Controlla
        </Button>
        <Button icon={<Eraser20Regular />} onClick={() => controller.clear()} disabled={busy !== null}>
          Pulisci segnalazioni
        </Button>
      </div>

      <WorkflowsView controller={controller} state={state} />

      {busy && <Spinner size="tiny" label={BUSY_LABEL[busy]} />}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Operazione non riuscita</MessageBarTitle>
            {error}
          </MessageBarBody>
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

      {clear && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{clearSentence(clear.report)}</MessageBarBody>
        </MessageBar>
      )}

      {[...(check?.notices ?? []), ...(clear?.notices ?? []), ...(state.normalised?.notices ?? [])].map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}

      {check && (
        <section aria-label="Risultato del controllo">
          <div className={s.counts} role="status">
            <Body1>{countsSentence(counts)}</Body1>
            <Badge color="danger" appearance="filled" aria-label={`${counts.error} errori`}>
              {counts.error} errori
            </Badge>
            <Badge color="warning" appearance="filled" aria-label={`${counts.warning} avvisi`}>
              {counts.warning} avvisi
            </Badge>
            <Badge color="informative" appearance="filled" aria-label={`${counts.info} note`}>
              {counts.info} note
            </Badge>
          </div>
          <Caption1 block>
            {check.scope === 'active' ? `Foglio «${check.activeSheet}»` : `Cartella «${check.file}»`}. {markedSentence(check.marked, check.cleared)}
          </Caption1>
          <Divider />
          {findings.length > 0 ? (
            <FindingsView groups={groupFindings(findings)} selected={state.selected} onSelect={(f) => controller.goTo(f)} />
          ) : (
            <Body1 block>Nessuna incoerenza trovata.</Body1>
          )}
          <Divider />
          <Subtitle2 as="h2" block>
            Come sono stati letti i fogli
          </Subtitle2>
          <SheetsView sheets={sheets} />
        </section>
      )}
    </main>
  );
}
