// The shared refusal handling (components/Refusal), worded for the applicant's screens.
import { RefusalAlert as SharedRefusalAlert, type RefusalAlertProps } from '../../components/Refusal';

export { reasonsFor, unmetRules, type UnmetRule } from '../../components/Refusal';

export function RefusalAlert(props: RefusalAlertProps) {
  return <SharedRefusalAlert what="this application (in another tab, or program staff)" {...props} />;
}
