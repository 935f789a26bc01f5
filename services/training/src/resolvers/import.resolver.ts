// Imports of CSV files into training (admins): server-kit's import resolver, named for this domain.
import { importResolver } from '@cpss/server-kit';
import { TrainingImportKindEnum } from '../services/import.service';

export const TrainingImportResolver = importResolver('training', TrainingImportKindEnum, 'courses, trainers or training completions');
