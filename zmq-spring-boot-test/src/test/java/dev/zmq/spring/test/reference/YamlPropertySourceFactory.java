package dev.zmq.spring.test.reference;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.CompositePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

import java.io.IOException;

/** Lets {@code @PropertySource} read the reference's YAML files, every document of one, as Boot reads them. */
final class YamlPropertySourceFactory implements PropertySourceFactory {

    @Override
    public PropertySource<?> createPropertySource(String name, EncodedResource resource) throws IOException {
        String source = name != null ? name : resource.getResource().getDescription();
        CompositePropertySource all = new CompositePropertySource(source);
        new YamlPropertySourceLoader().load(source, resource.getResource()).forEach(all::addPropertySource);
        return all;
    }
}
