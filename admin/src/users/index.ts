import { UserCreate, UserEdit, UserList } from './views';

export default { list: UserList, create: UserCreate, edit: UserEdit, recordRepresentation: 'username' };
