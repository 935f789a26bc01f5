// The shared refusal handling (components/Refusal), worded for the trainer's session screens.
import { RefusalAlert as SharedRefusalAlert, type RefusalAlertProps } from '../../components/Refusal';

export { fieldReasons, unmetRules, type UnmetRule } from '../../components/Refusal';

export function RefusalAlert(props: RefusalAlertProps) {
  return <SharedRefusalAlert what="this session" reloadLabel="Reload the session" {...props} />;
}
