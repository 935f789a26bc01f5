// The shared refusal handling (components/Refusal), worded for the ethics and policy screens.
import { RefusalAlert as SharedRefusalAlert, type RefusalAlertProps } from '../../components/Refusal';

export { fieldReasons, unmetRules, type UnmetRule } from '../../components/Refusal';

export function RefusalAlert(props: RefusalAlertProps) {
  return <SharedRefusalAlert what="this case" reloadLabel="Reload the case" {...props} />;
}

/** Today in the browser's calendar, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
