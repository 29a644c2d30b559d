package dev.vai.api.tokens;

import dev.vai.api.web.PathParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the {@code token_id} path parameter: a canonical UUID, validated by the endpoint itself. */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(in = ParameterIn.PATH, name = PathParameters.TOKEN_ID, required = true, description = "The token's id",
        schema = @Schema(type = "string", format = "uuid"))
public @interface TokenIdParameter {
}
