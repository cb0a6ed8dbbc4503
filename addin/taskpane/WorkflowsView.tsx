import { useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentAdd20Regular, PeopleTeam20Regular, TableSettings20Regular } from '@fluentui/react-icons';
import { LIVE_MAX_CELLS } from '../office/live';
import { OFFICE_TEMPLATES, OfficeTemplate } from '../templates/catalog';
import { PaneController, PaneState } from './controller';
import { liveSentence, replaceCugQuestion, replaceQuestion } from './view';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** «Normalizza», «Tabelle CUG», «Inserisci modello» and «Ricontrollo automatico». */
export function WorkflowsView({ controller, state }: { controller: PaneController; state: PaneState }) {
  const s = useStyles();
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<Set<OfficeTemplate['key']>>(new Set());
  const busy = state.busy !== null;
  const toggle = (key: OfficeTemplate['key'], on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  const offered = OFFICE_TEMPLATES.filter((t) => controller.templates.has(t.key));

  return (
    <section className={s.section} aria-label="Strumenti">
      <Subtitle2 as="h2" block>
        Strumenti
      </Subtitle2>
      <div className={s.actions}>
        <Button icon={<TableSettings20Regular />} onClick={() => controller.normalise()} disabled={busy}>
          Normalizza
        </Button>
        <Button icon={<PeopleTeam20Regular />} onClick={() => controller.cugTables()} disabled={busy}>
          Tabelle CUG
        </Button>
        <Button icon={<DocumentAdd20Regular />} onClick={() => setPicking(true)} disabled={busy || offered.length === 0}>
          Inserisci modello
        </Button>
      </div>
      <Caption1 block className={s.hint}>
        «Normalizza» scrive obiettivi e statistiche PAP in fogli nuovi, come tabelle di Excel; «Tabelle CUG» scrive in un foglio nuovo le tabelle della Relazione CUG calcolate dall'anagrafica del personale; «Inserisci modello» aggiunge i fogli da compilare per l'anno.
      </Caption1>
      <Switch
        label="Ricontrollo automatico"
        checked={state.live.on}
        disabled={busy || !state.check || state.live.unsupported !== undefined}
        onChange={(_, d) => controller.setLive(d.checked)}
      />
      <Caption1 block className={s.hint} aria-live="polite">
        {liveSentence(state.live, state.check !== undefined, LIVE_MAX_CELLS)}
      </Caption1>

      <Dialog open={state.confirmNormalise !== undefined} onOpenChange={(_, d) => !d.open && controller.confirmNormalise(false)}>
        <DialogSurface aria-label="Sostituire i fogli normalizzati?">
          <DialogBody>
            <DialogTitle>Sostituire i fogli normalizzati?</DialogTitle>
            <DialogContent>{replaceQuestion(state.confirmNormalise?.replacing ?? [])}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => controller.confirmNormalise(true)}>
                Sostituisci
              </Button>
              <Button onClick={() => controller.confirmNormalise(false)}>Annulla</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={state.confirmCug !== undefined} onOpenChange={(_, d) => !d.open && controller.confirmCug(false)}>
        <DialogSurface aria-label="Sostituire il foglio delle tabelle CUG?">
          <DialogBody>
            <DialogTitle>Sostituire il foglio delle tabelle CUG?</DialogTitle>
            <DialogContent>{replaceCugQuestion(state.confirmCug?.replacing ?? [])}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => controller.confirmCug(true)}>
                Sostituisci
              </Button>
              <Button onClick={() => controller.confirmCug(false)}>Annulla</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={picking} onOpenChange={(_, d) => setPicking(d.open)}>
        <DialogSurface aria-label="Inserisci modello">
          <DialogBody>
            <DialogTitle>Inserisci modello</DialogTitle>
            <DialogContent>
              <div className={s.picker} role="group" aria-label="Modelli">
                {offered.map((t) => (
                  <div key={t.key}>
                    <Checkbox label={t.label} checked={chosen.has(t.key)} onChange={(_, d) => toggle(t.key, d.checked === true)} />
                    <Caption1 block className={s.hint}>
                      {t.description}
                    </Caption1>
                  </div>
                ))}
              </div>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={chosen.size === 0}
                onClick={() => {
                  setPicking(false);
                  void controller.insert(offered.filter((t) => chosen.has(t.key)).map((t) => t.key));
                }}
              >
                Inserisci
              </Button>
              <Button onClick={() => setPicking(false)}>Annulla</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
