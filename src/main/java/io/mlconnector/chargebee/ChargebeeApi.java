package io.mlconnector.chargebee;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** Chargebee API v2 over HTTP: list and retrieve. Bodies are read as text and parsed by {@link ChargebeeResponses}. */
@Produces(MediaType.APPLICATION_JSON)
public interface ChargebeeApi {

    @GET
    @Path("/{resource}")
    Response list(@PathParam("resource") String resource, @RestQuery Map<String, String> query,
                  @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{resource}/{id}")
    Response retrieve(@PathParam("resource") String resource, @PathParam("id") String id,
                      @RestQuery Map<String, String> query, @HeaderParam("Authorization") String authorization);
}
