<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("keywardConsentTitle", advancedMsg(keywardClientName))}
    <#elseif section = "form">
        <div id="keyward-consent">
            <#if keywardClientLogo??>
                <img id="keyward-consent-logo" src="${keywardClientLogo}" alt="${advancedMsg(keywardClientName)}" height="48">
            </#if>
            <form id="keyward-consent-form" action="${url.loginAction}" method="post">
                <fieldset id="keyward-consent-scopes">
                    <legend>${msg("keywardConsentLegend", advancedMsg(keywardClientName))}</legend>
                    <#list keywardScopes as scope>
                        <div class="${properties.kcFormGroupClass!} keyward-consent-scope">
                            <input type="checkbox" id="keyward-scope-${scope?index}" name="scope" value="${scope.name}" checked
                                   <#if scope.required>disabled aria-describedby="keyward-scope-${scope?index}-required"</#if>>
                            <label for="keyward-scope-${scope?index}">${advancedMsg(scope.text)}</label>
                            <#if scope.required>
                                <span id="keyward-scope-${scope?index}-required" class="keyward-consent-required">${msg("keywardConsentRequired")}</span>
                            </#if>
                        </div>
                    </#list>
                </fieldset>
                <#if keywardAlreadyAllowed?has_content>
                    <p id="keyward-consent-already-allowed-label">${msg("keywardConsentAlreadyAllowed")}</p>
                    <ul id="keyward-consent-already-allowed" aria-labelledby="keyward-consent-already-allowed-label">
                        <#list keywardAlreadyAllowed as text><li>${advancedMsg(text)}</li></#list>
                    </ul>
                </#if>
                <#if keywardPolicyUrl?? || keywardTermsUrl??>
                    <p id="keyward-consent-links">
                        <#if keywardPolicyUrl??><a id="keyward-consent-policy" href="${keywardPolicyUrl}" rel="noopener noreferrer" target="_blank">${msg("keywardConsentPolicy")}</a></#if>
                        <#if keywardTermsUrl??><a id="keyward-consent-terms" href="${keywardTermsUrl}" rel="noopener noreferrer" target="_blank">${msg("keywardConsentTerms")}</a></#if>
                    </p>
                </#if>
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonLargeClass!}"
                            type="submit" name="accept" id="keyward-consent-allow">${msg("keywardConsentAllow")}</button>
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonLargeClass!}"
                            type="submit" name="deny" id="keyward-consent-deny">${msg("keywardConsentDeny")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
