import { backendTestConfig } from '../../vitest.shared.mts';

// server-kit's tests need no database.
export default backendTestConfig({ database: false });
