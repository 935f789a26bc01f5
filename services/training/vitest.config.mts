import { backendTestConfig } from '../../vitest.shared.mts';

export default backendTestConfig();
