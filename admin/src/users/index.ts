export default { recordRepresentation: 'username' };
