import { usePermissions } from 'react-admin';
import type { Me } from '../authProvider';

export const useOfficeTimeZone = () => usePermissions<Me>().permissions?.office.timeZone ?? 'Asia/Jakarta';
