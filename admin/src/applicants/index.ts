export default { recordRepresentation: 'name' };
