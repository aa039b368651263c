export { default as statsServiceFactory } from './stats';
