// The shared refusal handling (components/Refusal), worded for the ethics and policy screens.
import { RefusalAlert as SharedRefusalAlert, type RefusalAlertProps } from '../../components/Refusal';

export { fieldReasons, unmetRules, type UnmetRule } from '../../components/Refusal';

export function RefusalAlert(props: RefusalAlertProps) {
  return <SharedRefusalAlert what="this case" reloadLabel="Reload the case" {...props} />;
}
