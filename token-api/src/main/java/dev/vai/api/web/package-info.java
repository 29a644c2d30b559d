/**
 * HTTP plumbing shared by the endpoints: the API's error shape and its one mapping advice, strict parsing of query
 * parameters and JSON bodies into that shape, and the timestamp format.
 */
package dev.vai.api.web;
